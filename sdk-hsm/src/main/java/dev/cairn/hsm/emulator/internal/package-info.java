/** Implementation details of {@code dev.cairn.hsm.emulator}; not API. */
package dev.cairn.hsm.emulator.internal;

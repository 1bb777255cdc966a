/** Implementation details shared by sdk-hsm's packages; not API. */
package dev.cairn.hsm.internal;

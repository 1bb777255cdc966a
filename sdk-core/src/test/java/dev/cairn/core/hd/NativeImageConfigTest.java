package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The GraalVM resource configuration must keep the word list in a native image. */
class NativeImageConfigTest {
  @Test
  void resourceConfigIncludesWordList() throws Exception {
    JsonNode config;
    try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(
        "/META-INF/native-image/dev.cairn/sdk-core/resource-config.json")) {
      assertNotNull(in, "resource-config.json missing");
      config = new ObjectMapper().readTree(in);
    }
    boolean found = false;
    for (JsonNode include : config.get("resources").get("includes")) {
      String pattern = include.get("pattern").asText();
      // \Q...\E quotes a literal resource path
      if (pattern.equals("\\Q" + WordList.RESOURCE.substring(1) + "\\E")) {
        found = true;
      }
    }
    assertTrue(found, "word list " + WordList.RESOURCE + " not in resource-config.json");
    assertNotNull(NativeImageConfigTest.class.getResource(WordList.RESOURCE));
  }
}

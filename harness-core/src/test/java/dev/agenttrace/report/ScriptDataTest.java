package dev.agenttrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptDataTest {
  @Test
  void escapesWhatCouldEndOrAlterTheScriptBlockAndKeepsTheJsonValue() throws Exception {
    String json = new ObjectMapper().writeValueAsString(
        Map.of("text", "</script><!--<script>]]> & \u2028\u2029 fine"));
    StringWriter out = new StringWriter();
    try (ScriptData data = new ScriptData(out)) {
      data.write(json, 0, json.length());
    }
    String neutral = out.toString();

    assertThat(neutral).doesNotContain("<").doesNotContain(">").doesNotContain("&")
        .doesNotContain("\u2028").doesNotContain("\u2029")
        .contains("\\u003c/script\\u003e\\u003c!--").contains("\\u2028\\u2029");
    assertThat(new ObjectMapper().readTree(neutral)).isEqualTo(new ObjectMapper().readTree(json));
  }
}

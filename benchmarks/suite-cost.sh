#!/usr/bin/env bash
# The cost of AgentTrace on a whole Maven test run (DESIGN §10: a 1,000-test @AgentTest suite <= 1.5x the wall time
# of the same tests without AgentTrace).
#
# Generates two scratch projects of $TESTS weather-agent tests each (100 classes x 10 methods by default), both run
# by Surefire in one JVM with JUnit's parallel execution on:
#   agent/  @AgentTest(golden = true) tests: the harness runs the agent, every test writes its HTML report, run
#           record and trace file, compares its golden trace, and the index is rebuilt when the run ends;
#   plain/  the same tests as plain JUnit: the same LlmStub and ToolStubs called directly by the same agent loop,
#           no AgentTrace extension, no capture.
# It times `mvn -o surefire:test` (classes compiled beforehand, one untimed warm-up run each, which also writes the
# goldens), alternating the two suites, $RUNS times each, and prints the medians, the ratio (the median of each run's
# agent/plain ratio, which the budget is checked against; the ratio of the medians beside it) and the bytes each run
# wrote (and the size of one weather report).
#
# The AgentTrace artifacts come from this checkout, installed into a private local repository ($WORK/m2) that
# reads everything else from ~/.m2 through a file:// mirror: ~/.m2 is only read, never written, so the script is
# safe on a machine where other builds share ~/.m2. No network is used.
#
# Besides the wall time it prints the CPU time (user + system, Maven and the test JVM together) of each run: on a
# shared machine the wall time follows the other builds' load, the CPU time much less.
#
#   bash benchmarks/suite-cost.sh            # TESTS=1000 RUNS=3 WORK=/tmp/agenttrace-suite-cost
#   TESTS=200 RUNS=5 bash benchmarks/suite-cost.sh
#   REUSE=1 bash benchmarks/suite-cost.sh    # time again, keeping the installed artifacts and generated projects
#   ARGLINE=-XX:TieredStopAtLevel=1 bash benchmarks/suite-cost.sh   # JVM options for both suites' test JVM
#   BREAKDOWN=1 bash benchmarks/suite-cost.sh  # also the agent suite without reports, without goldens, without both
#   SETTLE=0 bash benchmarks/suite-cost.sh     # no pause before the timed runs; PILE_UP=1: delete outputs between runs
#   FLOOR=1 bash benchmarks/suite-cost.sh      # also the agent suite without goldens and reports that instead does only
#                                              # their file work: a real report's bytes written, record, golden read,
#                                              # report published (no rendering, no comparison logic)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TESTS="${TESTS:-1000}"
RUNS="${RUNS:-3}"
WORK="${WORK:-/tmp/agenttrace-suite-cost}"
M2_SOURCE="${M2_SOURCE:-$HOME/.m2/repository}"
REPO="$WORK/m2"
PER_CLASS=10
CLASSES=$(( (TESTS + PER_CLASS - 1) / PER_CLASS ))
VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)"

mkdir -p "$WORK" "$REPO"
rm -rf "$WORK/trash"  # the outputs an earlier invocation set aside (see set_aside)
cat > "$WORK/settings.xml" <<XML
<settings>
  <mirrors>
    <mirror><id>local-m2</id><mirrorOf>*</mirrorOf><url>file://$M2_SOURCE</url></mirror>
  </mirrors>
</settings>
XML
MVN=(mvn -B -ntp -q -Dstyle.color=never -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO")

if [ "${REUSE:-0}" != 1 ]; then
  echo "== installing this checkout's AgentTrace $VERSION into $REPO (not ~/.m2)"
  (cd "$ROOT" && "${MVN[@]}" install -DskipTests -pl junit-extension,llm-stubs -am)
fi

generate() { # generate <dir> <agent|plain|floor> [golden: true|false]
  local dir="$1" kind="$2" golden="${3:-true}" pkg="dev.agenttrace.suitecost"
  rm -rf "$dir"
  mkdir -p "$dir/src/test/java/dev/agenttrace/suitecost" "$dir/src/test/resources"
  local extension=""
  if [ "$kind" != plain ]; then
    extension="<dependency><groupId>dev.agenttrace</groupId><artifactId>agenttrace-junit</artifactId><scope>test</scope></dependency>"
  fi
  cat > "$dir/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>dev.agenttrace</groupId><artifactId>agenttrace-parent</artifactId><version>$VERSION</version><relativePath/></parent>
  <artifactId>suite-cost-$(basename "$dir")</artifactId>
  <dependencies>
    <dependency><groupId>dev.agenttrace</groupId><artifactId>agenttrace-core</artifactId><scope>test</scope></dependency>
    <dependency><groupId>dev.agenttrace</groupId><artifactId>agenttrace-llm-stubs</artifactId><scope>test</scope></dependency>
    $extension
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>
XML
  cat > "$dir/src/test/resources/junit-platform.properties" <<PROPS
junit.jupiter.execution.parallel.enabled=true
junit.jupiter.execution.parallel.mode.default=concurrent
junit.jupiter.execution.parallel.mode.classes.default=concurrent
PROPS
  local src="$dir/src/test/java/dev/agenttrace/suitecost"
  # The weather agent of the examples, on the runtime (agent suite) or as a plain loop over the stubs (plain suite).
  cat > "$src/Weather.java" <<JAVA
package $pkg;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import java.util.ArrayList;
import java.util.List;

final class Weather {
  static final String QUESTION = "What's the weather in Paris?";
  static final String ANSWER = "18°C and sunny in Paris.";
  static final ToolDefinition GET_WEATHER = ToolDefinition.of("get_weather", "Current weather for a city",
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

  static void stub(LlmStub llm, ToolStubs tools) {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    llm.whenLastMessageIsToolResult("get_weather").replyWithText(ANSWER);
    tools.stub("get_weather").returns("{\"tempC\":18,\"sky\":\"sunny\"}");
  }

  static List<Message> start(String question) {
    return new ArrayList<>(List.of(
        Message.system("You answer weather questions. Use get_weather for current conditions."),
        Message.user(question)));
  }

  /** The agent loop without AgentTrace: the stubs called directly. */
  static String runPlain(LlmStub llm, ToolStubs tools, String question) throws Exception {
    List<Message> messages = start(question);
    ChatResponse reply = llm.chat(ChatRequest.of("gpt-4o", messages).withTools(GET_WEATHER));
    while (reply.hasToolCalls()) {
      messages.add(reply.message());
      for (ToolCall call : reply.toolCalls()) {
        messages.add(Message.toolResult(call, tools.execute(call)));
      }
      reply = llm.chat(ChatRequest.of("gpt-4o", messages).withTools(GET_WEATHER));
    }
    return reply.text();
  }
}
JAVA
  if [ "$kind" = floor ]; then
    # The file work of a golden comparison and a report, without either: what any implementation must at least do.
    cat > "$src/Floor.java" <<JAVA
package $pkg;

import dev.agenttrace.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;

final class Floor {
  private static final String REPORT = read(System.getProperty("floor.report"));
  private static final byte[] GOLDEN =
      bytes("src/test/resources/agenttrace/golden/$pkg.Weather0Test/answers0.trace.yaml");
  private static final String RECORD = "{\\"format\\":\\"agenttrace-run-record/1\\",\\"run\\":\\"floor\\","
      + "\\"class\\":\\"x\\",\\"test\\":\\"y\\",\\"status\\":\\"passed\\",\\"llmCalls\\":2,\\"toolCalls\\":1,\\"tokens\\":64,"
      + "\\"durationMs\\":3,\\"report\\":\\"answers0.html\\"}";

  static void afterTest(TestInfo info, TestReporter reporter) throws IOException {
    String test = info.getTestClass().get().getName();
    String method = info.getTestMethod().get().getName();
    byte[] golden = Files.readAllBytes(Path.of("src/test/resources/agenttrace/golden", test, method + ".trace.yaml"));
    if (!Arrays.equals(golden, GOLDEN)) {
      throw new AssertionError("golden differs");
    }
    Path folder = Path.of("target/agenttrace-reports", test);
    Path report = AtomicFiles.write(folder.resolve(method + ".html"), REPORT);
    reporter.publishEntry("agenttrace.report", report.toString());
    reporter.publishFile(report.getFileName().toString(), MediaType.create("text", "html"),
        target -> Files.createLink(target, report));
    AtomicFiles.write(folder.resolve(method + ".record.json"), RECORD);
  }

  private static String read(String file) {
    return new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
JAVA
  fi
  if [ "$kind" != plain ]; then
    cat > "$src/WeatherAgent.java" <<JAVA
package $pkg;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import java.util.List;

final class WeatherAgent implements Agent<String, String> {
  @Override
  public String run(AgentContext ctx, String question) {
    List<Message> messages = Weather.start(question);
    ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(Weather.GET_WEATHER));
    while (reply.hasToolCalls()) {
      messages.add(reply.message());
      messages.addAll(ctx.callTools(reply.toolCalls()));
      reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(Weather.GET_WEATHER));
    }
    return reply.text();
  }
}
JAVA
  fi
  local c m
  for ((c = 0; c < CLASSES; c++)); do
    {
      echo "package $pkg;"
      echo
      echo "import static org.junit.jupiter.api.Assertions.assertEquals;"
      echo
      if [ "$kind" = floor ]; then
        echo "import org.junit.jupiter.api.AfterEach;"
        echo "import org.junit.jupiter.api.TestInfo;"
        echo "import org.junit.jupiter.api.TestReporter;"
      fi
      if [ "$kind" != plain ]; then
        echo "import dev.agenttrace.junit.AgentTest;"
        echo "import dev.agenttrace.runtime.AgentHarness;"
      fi
      echo "import dev.agenttrace.stubs.LlmStub;"
      echo "import dev.agenttrace.stubs.ToolStubs;"
      echo "import org.junit.jupiter.api.BeforeEach;"
      echo "import org.junit.jupiter.api.Test;"
      echo
      if [ "$kind" != plain ]; then
        if [ "$golden" = true ]; then echo "@AgentTest(golden = true)"; else echo "@AgentTest"; fi
        echo "class Weather${c}Test {"
        echo "  @BeforeEach"
        echo "  void stub(LlmStub llm, ToolStubs tools) {"
        echo "    Weather.stub(llm, tools);"
        echo "  }"
        if [ "$kind" = floor ]; then
          echo
          echo "  @AfterEach"
          echo "  void fileWork(TestInfo info, TestReporter reporter) throws Exception {"
          echo "    Floor.afterTest(info, reporter);"
          echo "  }"
        fi
        for ((m = 0; m < PER_CLASS && c * PER_CLASS + m < TESTS; m++)); do
          echo
          echo "  @Test"
          echo "  void answers$m(AgentHarness harness, ToolStubs tools) {"
          echo "    assertEquals(Weather.ANSWER, harness.run(new WeatherAgent(), Weather.QUESTION).output());"
          echo "    assertEquals(1, tools.callCount(\"get_weather\"));"
          echo "  }"
        done
      else
        echo "class Weather${c}Test {"
        echo "  private final LlmStub llm = LlmStub.create();"
        echo "  private final ToolStubs tools = ToolStubs.create();"
        echo
        echo "  @BeforeEach"
        echo "  void stub() {"
        echo "    Weather.stub(llm, tools);"
        echo "  }"
        for ((m = 0; m < PER_CLASS && c * PER_CLASS + m < TESTS; m++)); do
          echo
          echo "  @Test"
          echo "  void answers$m() throws Exception {"
          echo "    assertEquals(Weather.ANSWER, Weather.runPlain(llm, tools, Weather.QUESTION));"
          echo "    assertEquals(1, tools.callCount(\"get_weather\"));"
          echo "  }"
        done
      fi
      echo "}"
    } > "$src/Weather${c}Test.java"
  done
}

OUTPUTS=(target/agenttrace-reports target/agenttrace-traces target/surefire-reports target/junit-jupiter)
SUREFIRE=org.apache.maven.plugins:maven-surefire-plugin:3.5.6:test
# The previous run's outputs are moved aside into $WORK/trash, not deleted: on a file system that skips recently
# freed inodes when it allocates new ones, one by one (ext4 without a journal skips those freed in the last 60 s,
# 360 s while their inode table block is not yet written back), ten back-to-back runs deleting 5,000 files each
# would make every file the next run creates cost up to 1 ms of kernel CPU: a cost of the benchmark's own pile-up
# of deletions, which a single test run on a fresh checkout never meets. The trash of the previous invocation is
# deleted when the script starts, followed by `sync` and a pause of $SETTLE seconds (65) before the first timed run.
# PILE_UP=1 deletes the outputs between runs instead, to see that cost.
TRASH="$WORK/trash"
set_aside() { # set_aside <dir>: the outputs of the run before, out of the way
  local dir="$1" slot
  if [ "${PILE_UP:-0}" = 1 ]; then
    (cd "$dir" && rm -rf "${OUTPUTS[@]}")
    return
  fi
  slot="$TRASH/$(date +%s%N)"
  mkdir -p "$slot"
  for output in "${OUTPUTS[@]}"; do
    if [ -e "$dir/$output" ]; then mv "$dir/$output" "$slot/$(echo "$output" | tr / _)"; fi
  done
}

run_suite() { # run_suite <dir> [mvn args] -> prints "<wall ns> <cpu ms>"; fails when a test fails
  local dir="$1" start end cpu
  shift
  set_aside "$dir"
  start=$(date +%s%N)
  cpu=$( { TIMEFORMAT='%U %S'; time (cd "$dir" && "${MVN[@]}" -o "$SUREFIRE" -Dagenttrace.golden.ci=false \
    ${ARGLINE:+"-DargLine=$ARGLINE"} "$@" > "$dir/mvn.log" 2>&1); } 2>&1 ) || { cat "$dir/mvn.log" >&2; return 1; }
  end=$(date +%s%N)
  echo "$(( end - start )) $(awk -v t="$cpu" 'BEGIN { split(t, p, " "); printf "%d", (p[1] + p[2]) * 1000 }')"
}

written_bytes() { # written_bytes <dir>: what the run wrote (hard links counted once)
  local existing=() output
  for output in "${OUTPUTS[@]}"; do
    [ -e "$1/$output" ] && existing+=("$1/$output")
  done
  du -scb "${existing[@]}" | tail -1 | cut -f1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

if [ "${REUSE:-0}" != 1 ]; then
echo "== generating $TESTS tests in $CLASSES classes, twice, in $WORK"
generate "$WORK/agent" agent
generate "$WORK/plain" plain
[ "${BREAKDOWN:-0}" = 1 ] && generate "$WORK/agent-nogolden" agent false
[ "${FLOOR:-0}" = 1 ] && generate "$WORK/agent-floor" floor false
# Compile and warm up through the file:// mirror (not offline: Surefire resolves its JUnit provider on first use);
# the timed runs below are offline.
for kind in agent plain ${BREAKDOWN:+agent-nogolden} ${FLOOR:+agent-floor}; do
  [ -d "$WORK/$kind" ] && (cd "$WORK/$kind" && "${MVN[@]}" test-compile)
done
echo "== warm-up runs (untimed; the agent suite writes its goldens)"
(cd "$WORK/agent" && rm -rf src/test/resources/agenttrace && "${MVN[@]}" "$SUREFIRE" -Dagenttrace.golden.mode=update \
  -Dagenttrace.golden.ci=false)
(cd "$WORK/plain" && "${MVN[@]}" "$SUREFIRE")
if [ -d "$WORK/agent-floor" ]; then  # the floor reads the agent suite's goldens and writes the bytes of one of its reports
  rm -rf "$WORK/agent-floor/src/test/resources/agenttrace"
  cp -r "$WORK/agent/src/test/resources/agenttrace" "$WORK/agent-floor/src/test/resources/"
  cp "$WORK/agent/target/agenttrace-reports/dev.agenttrace.suitecost.Weather0Test/answers0.html" "$WORK/floor-report.html"
fi
fi

if [ "${PILE_UP:-0}" != 1 ]; then
  for kind in agent plain ${BREAKDOWN:+agent-nogolden} ${FLOOR:+agent-floor}; do
    [ -d "$WORK/$kind" ] && set_aside "$WORK/$kind"
  done
  echo "== letting the files freed so far age out (sync, ${SETTLE:-65} s)"
  sync
  sleep "${SETTLE:-65}"
fi
# Each variant: name, folder, extra Maven arguments. The first two are the budget's; the others say where the
# agent suite's time goes.
VARIANTS=("agent|$WORK/agent|" "plain|$WORK/plain|")
if [ "${BREAKDOWN:-0}" = 1 ]; then
  VARIANTS+=("agent, no reports|$WORK/agent|-Dagenttrace.report.mode=never"
    "agent, no goldens|$WORK/agent-nogolden|"
    "agent, neither|$WORK/agent-nogolden|-Dagenttrace.report.mode=never")
fi
if [ "${FLOOR:-0}" = 1 ]; then
  VARIANTS+=("agent, file floor|$WORK/agent-floor|-Dagenttrace.report.mode=never -Dfloor.report=$WORK/floor-report.html")
fi
declare -A walls cpus
for ((r = 1; r <= RUNS; r++)); do
  line="   run $r:"
  for variant in "${VARIANTS[@]}"; do
    IFS='|' read -r name dir args <<< "$variant"
    read -r wall cpu <<< "$(run_suite "$dir" $args)"
    walls[$name]+="$wall "
    cpus[$name]+="$cpu "
    line+=" $name $(( wall / 1000000 )) ms (cpu $cpu ms);"
    if [ "$r" = "$RUNS" ] && [ "$name" = agent ]; then  # what the budget's agent run wrote, before a variant cleans up
      agent_bytes=$(written_bytes "$WORK/agent")
      report_bytes=$(stat -c %s "$WORK/agent/target/agenttrace-reports/dev.agenttrace.suitecost.Weather0Test/answers0.html")
      index_bytes=$(stat -c %s "$WORK/agent/target/agenttrace-reports/index.html")
      listed=$(grep -c '<tr class="passed">' "$WORK/agent/target/agenttrace-reports/index.html" || true)
    fi
  done
  echo "$line"
done
med() { printf '%s\n' $1 | median; }
# paired <variant>: the median over runs of (variant / plain suite of the same run). The two suites alternate, so a
# run's pair shares the machine's load of that moment; on a shared machine this is steadier than a ratio of medians.
paired() {
  local -a v p
  read -r -a v <<< "${walls[$1]}"
  read -r -a p <<< "${walls[plain]}"
  for ((i = 0; i < ${#v[@]}; i++)); do awk -v a="${v[$i]}" -v b="${p[$i]}" 'BEGIN { printf "%.4f\n", a / b }'; done \
    | median | awk '{ printf "%.2f", $1 }'
}
agent_median=$(med "${walls[agent]}")
plain_median=$(med "${walls[plain]}")
agent_cpu=$(med "${cpus[agent]}")
plain_cpu=$(med "${cpus[plain]}")
plain_bytes=$(written_bytes "$WORK/plain")
ratio=$(awk -v a="$agent_median" -v p="$plain_median" 'BEGIN { printf "%.2f", a / p }')
cpu_ratio=$(awk -v a="$agent_cpu" -v p="$plain_cpu" 'BEGIN { printf "%.2f", a / p }')
paired_ratio=$(paired agent)

echo "== suite cost: $TESTS tests, median of $RUNS runs (mvn -o surefire:test${ARGLINE:+, argLine $ARGLINE})"
printf '   AgentTrace suite : %6d ms wall, %6d ms cpu   %10d bytes written (reports, records, traces, index, XML)\n' \
  $(( agent_median / 1000000 )) "$agent_cpu" "$agent_bytes"
printf '   plain suite      : %6d ms wall, %6d ms cpu   %10d bytes written (surefire XML)\n' \
  $(( plain_median / 1000000 )) "$plain_cpu" "$plain_bytes"
echo "   ratio            : ${paired_ratio}x wall, median of the runs' own ratios (budget <= 1.5x);" \
  "ratio of the medians ${ratio}x wall, ${cpu_ratio}x cpu"
for variant in "${VARIANTS[@]:2}"; do
  IFS='|' read -r name dir args <<< "$variant"
  printf '   %-17s: %6d ms wall, %6d ms cpu, %sx the plain suite (median of the runs'"'"' ratios)\n' "$name" \
    $(( $(med "${walls[$name]}") / 1000000 )) "$(med "${cpus[$name]}")" "$(paired "$name")"
done
echo "   one weather report: $report_bytes bytes; index: $index_bytes bytes listing $listed tests"
if [ "$listed" -ne "$TESTS" ]; then
  echo "the index lists $listed tests, expected $TESTS" >&2
  exit 1
fi
awk -v r="$paired_ratio" 'BEGIN { exit !(r <= 1.5) }' || { echo "over budget: ${paired_ratio}x > 1.5x" >&2; exit 1; }

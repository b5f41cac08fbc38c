package dev.agenttrace.stubs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The WireMock server of one HTTP stub: one stub mapping for {@code POST <chat path>} whose response is computed
 * per request by {@code handler} (through a transformer registered on this server instance only, so servers never
 * share state). Other paths get WireMock's own 404.
 */
final class StubServer {
  private static final String TRANSFORMER = "agenttrace-chat";

  private final WireMockServer server;

  StubServer(int port, String chatPathRegex, Function<HttpExchange, WireResponse> handler) {
    WireMockConfiguration config = wireMockConfig()
        .extensions(new ChatTransformer(handler))
        .notifier(new Slf4jNotifier(false))
        .disableRequestJournal()
        .asynchronousResponseEnabled(true)
        .containerThreads(16)
        .jettyStopTimeout(100L);
    this.server = new WireMockServer(port == 0 ? config.dynamicPort() : config.port(port));
    server.stubFor(post(urlPathMatching(chatPathRegex)).willReturn(aResponse().withTransformers(TRANSFORMER)));
  }

  void start() {
    server.start();
  }

  void stop() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  boolean isRunning() {
    return server.isRunning();
  }

  int port() {
    return server.port();
  }

  /** Computes each chat response from the request, on WireMock's request thread. */
  private static final class ChatTransformer implements ResponseDefinitionTransformerV2 {
    private final Function<HttpExchange, WireResponse> handler;

    ChatTransformer(Function<HttpExchange, WireResponse> handler) {
      this.handler = handler;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      LoggedRequest request = serveEvent.getRequest();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader header : request.getHeaders().all()) {
        headers.put(header.key().toLowerCase(Locale.ROOT), header.values());
      }
      String url = request.getUrl();
      int query = url.indexOf('?');
      WireResponse response = handler.apply(new HttpExchange(query < 0 ? url : url.substring(0, query),
          query < 0 ? "" : url.substring(query + 1), headers, request.getBodyAsString()));
      ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
          .withStatus(response.status())
          .withBody(response.body());
      response.headers().forEach(builder::withHeader);
      if (!response.delay().isZero()) {
        builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, response.delay().toMillis()));
      }
      return builder.build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return TRANSFORMER;
    }
  }
}

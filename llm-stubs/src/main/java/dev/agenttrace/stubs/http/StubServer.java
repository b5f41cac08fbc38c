package dev.agenttrace.stubs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The WireMock server of one HTTP stub: one stub mapping per endpoint ({@code POST <path>}) whose response is computed
 * per request by that endpoint's handler (through a transformer registered on this server instance only, so servers
 * never share state). Event streams go out as the stub's {@link StreamPacing} says: in one write, or chunk by chunk
 * (Jetty's output aggregation is off, see {@link FlushingJettyServers}). A JSON response carries its
 * {@code Content-Length}, so headers and body leave in one write instead of as chunks (a chunked answer cost a
 * client up to a quarter more per call, see docs/performance.md). Other paths get WireMock's own 404.
 */
final class StubServer {
  private static final String TRANSFORMER = "agenttrace-chat";
  private static final String CONTENT_LENGTH = "Content-Length";

  /** One endpoint: requests whose URL path matches {@code pathRegex} are answered by {@code handler}. */
  record Route(String pathRegex, Function<HttpExchange, WireResponse> handler) {}

  private final WireMockServer server;

  StubServer(int port, List<Route> routes, ServerBehaviour behaviour) {
    WireMockConfiguration config = wireMockConfig()
        .extensions(new ChatTransformer(routes, behaviour))
        .httpServerFactory(new FlushingJettyServers())
        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.ALWAYS)
        .maxLoggedResponseSize(0)
        .notifier(new Slf4jNotifier(false))
        .disableRequestJournal()
        .asynchronousResponseEnabled(true)
        .containerThreads(16)
        .jettyStopTimeout(100L);
    this.server = new WireMockServer(port == 0 ? config.dynamicPort() : config.port(port));
    for (Route route : routes) {
      server.stubFor(post(urlPathMatching(route.pathRegex())).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }
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
  private static final class ChatTransformer implements ResponseTransformerV2 {
    private final List<Pattern> paths = new ArrayList<>();
    private final List<Function<HttpExchange, WireResponse>> handlers = new ArrayList<>();
    private final ServerBehaviour behaviour;

    ChatTransformer(List<Route> routes, ServerBehaviour behaviour) {
      for (Route route : routes) {
        paths.add(Pattern.compile(route.pathRegex()));
        handlers.add(route.handler());
      }
      this.behaviour = behaviour;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      LoggedRequest request = serveEvent.getRequest();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader header : request.getHeaders().all()) {
        headers.put(header.key().toLowerCase(Locale.ROOT), header.values());
      }
      String url = request.getUrl();
      int query = url.indexOf('?');
      String path = query < 0 ? url : url.substring(0, query);
      WireResponse answer = handlerFor(path).apply(new HttpExchange(path, query < 0 ? "" : url.substring(query + 1),
          headers, request.getBodyAsString()));
      List<HttpHeader> responseHeaders = new ArrayList<>();
      answer.headers().forEach((name, value) -> responseHeaders.add(new HttpHeader(name, value)));
      Response.Builder builder = Response.Builder.like(response).but().status(answer.status());
      boolean eventStream = WireResponse.EVENT_STREAM.equals(answer.headers().get("Content-Type"));
      StreamPacing pacing = behaviour.pacing();
      if (eventStream && !pacing.isWholeStream()) {
        builder.body(() -> new PacedEventStream(answer.body(), pacing));
      } else {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!eventStream && !answer.headers().containsKey(CONTENT_LENGTH)) {
          responseHeaders.add(new HttpHeader(CONTENT_LENGTH, Integer.toString(body.length)));
        }
        builder.body(body);
      }
      builder.headers(new HttpHeaders(responseHeaders));
      if (!answer.delay().isZero()) {
        builder.incrementInitialDelay(answer.delay().toMillis());
      }
      return builder.build();
    }

    private Function<HttpExchange, WireResponse> handlerFor(String path) {
      for (int i = 0; i < paths.size(); i++) {
        if (paths.get(i).matcher(path).matches()) {
          return handlers.get(i);
        }
      }
      return handlers.get(0);
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

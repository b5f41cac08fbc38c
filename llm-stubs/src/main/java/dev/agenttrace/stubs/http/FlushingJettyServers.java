package dev.agenttrace.stubs.http;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServer;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.ServerConnector;

/**
 * WireMock's Jetty 12 server with Jetty's output aggregation off, so every write of a response body goes to the
 * client at once instead of waiting in an 8 KB buffer: what makes a paced event stream arrive chunk by chunk.
 * Bodies written in one piece (every non-paced response) behave as before.
 */
final class FlushingJettyServers implements HttpServerFactory {
  @Override
  public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    return new Jetty12HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings jettySettings,
          NetworkTrafficListener listener) {
        ServerConnector connector = super.createHttpConnector(bindAddress, port, jettySettings, listener);
        for (ConnectionFactory factory : connector.getConnectionFactories()) {
          if (factory instanceof HttpConfiguration.ConnectionFactory http) {
            http.getHttpConfiguration().setOutputAggregationSize(0);
          }
        }
        return connector;
      }
    };
  }
}

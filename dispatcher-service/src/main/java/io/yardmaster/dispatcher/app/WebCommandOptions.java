package io.yardmaster.dispatcher.app;

import io.yardmaster.dispatcher.web.WebOptions;
import picocli.CommandLine.Option;

/** The dispatcher's web server options on the command line. */
final class WebCommandOptions {
  @Option(names = "--no-http", description = "Serve no dashboard, JSON API or /metrics.")
  boolean off;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description =
          "Port of the dashboard, API and /metrics; 0 picks a free one. Default: ${DEFAULT-VALUE}")
  int port = WebOptions.DEFAULT_PORT;

  @Option(
      names = "--http-bind",
      defaultValue = WebOptions.DEFAULT_BIND_ADDRESS,
      description = "Address to listen on (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}")
  String bind = WebOptions.DEFAULT_BIND_ADDRESS;

  @Option(
      names = "--http-advertised-host",
      description =
          "Host other dispatcher instances reach this one on, for task lookups (default: the bind address, or this host's name).")
  String advertisedHost;

  @Option(
      names = "--http-read-only",
      description = "Refuse the dashboard's cancel and replay commands.")
  boolean readOnly;

  @Option(
      names = "--http-token",
      defaultValue = "${env:YARD_HTTP_TOKEN}",
      description =
          "Cancel and replay need this token in the X-Yard-Token header; the page asks for it (env YARD_HTTP_TOKEN).")
  String token;

  WebOptions options() {
    return new WebOptions(!off, bind, port, advertisedHost, readOnly, token, null);
  }
}

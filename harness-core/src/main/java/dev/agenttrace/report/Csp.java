package dev.agenttrace.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Content-Security-Policy of a report: nothing may load ({@code default-src 'none'}), and the only script and
 * style that may run are the inline blocks whose SHA-256 hashes it lists — computed over the exact text written.
 */
final class Csp {
  private Csp() {}

  /** The policy allowing exactly {@code script} (may be null for none) and {@code style}. */
  static String policy(String script, String style) {
    return "default-src 'none'; "
        + (script == null ? "" : "script-src " + source(script) + "; ")
        + "style-src " + source(style) + "; base-uri 'none'; form-action 'none'";
  }

  /** {@code 'sha256-<base64>'} of the UTF-8 bytes of {@code block}. */
  static String source(String block) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java platform has SHA-256", impossible);
    }
  }
}

package dev.agenttrace.junit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets of every shape the redaction policy must catch, each as it appears in real text (a key alone, a header
 * line, a query parameter, a URL, a PEM block …), made up from a fixed seed so runs are repeatable. {@link #needles}
 * are what must never be found in any output: the secret and each long alphanumeric run of it, so an escaped or cut
 * copy is caught too.
 */
final class SecretCorpus {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String URL_SAFE = ALNUM + "_-";
  private static final String BASE64 = ALNUM + "+/";
  private static final Pattern ALNUM_RUN = Pattern.compile("[A-Za-z0-9]{12,}");

  /** One seeded secret: what it is, the text that carries it, and the secret itself. */
  record Secret(String kind, String text, String secret) {
    List<String> needles() {
      List<String> needles = new ArrayList<>(List.of(secret));
      Matcher runs = ALNUM_RUN.matcher(secret);
      while (runs.find()) {
        needles.add(runs.group());
      }
      return needles;
    }
  }

  private final Random random = new Random(20261211L);
  private final List<Secret> secrets = new ArrayList<>();

  SecretCorpus() {
    shaped("OpenAI legacy key", "sk-" + pick(ALNUM, 48));
    shaped("OpenAI project key", "sk-proj-" + pick(URL_SAFE, 100));
    shaped("OpenAI service account key", "sk-svcacct-" + pick(URL_SAFE, 60));
    shaped("Anthropic API key", "sk-ant-api03-" + pick(URL_SAFE, 93) + "AA");
    shaped("Anthropic admin key", "sk-ant-admin01-" + pick(URL_SAFE, 80));
    shaped("Google API key", "AIza" + pick(URL_SAFE, 35));
    shaped("Google OAuth access token", "ya29." + pick(URL_SAFE, 120));
    shaped("Google OAuth client secret", "GOCSPX-" + pick(URL_SAFE, 28));
    shaped("AWS access key id", "AKIA" + pick(UPPER_DIGITS, 16));
    shaped("AWS temporary access key id", "ASIA" + pick(UPPER_DIGITS, 16));
    labelled("AWS secret access key", "aws_secret_access_key=", pick(BASE64, 40), "");
    shaped("Azure identifiable key", pick(ALNUM, 52) + "JQQJ99" + pick(ALNUM, 3) + "AZ" + pick(ALNUM, 21));
    labelled("Azure storage account key", "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=",
        pick(BASE64, 86) + "==", ";EndpointSuffix=core.windows.net");
    shaped("Microsoft Entra client secret", pick(ALNUM, 3) + "8Q~" + pick(URL_SAFE + "~.", 34));
    labelled("Azure SAS signature", "https://shop.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig=",
        pick(ALNUM, 30) + "%2B" + pick(ALNUM, 10) + "%3D", "&se=2030-01-01");
    shaped("GitHub classic token", "ghp_" + pick(ALNUM, 36));
    shaped("GitHub OAuth token", "gho_" + pick(ALNUM, 36));
    shaped("GitHub fine-grained token", "github_pat_" + pick(ALNUM, 22) + "_" + pick(ALNUM, 59));
    shaped("GitLab personal access token", "glpat-" + pick(URL_SAFE, 20));
    shaped("GitLab deploy token", "gldt-" + pick(URL_SAFE, 20));
    shaped("Slack bot token", "xoxb-" + pick("0123456789", 12) + "-" + pick("0123456789", 13) + "-" + pick(ALNUM, 24));
    shaped("Slack user token", "xoxp-" + pick("0123456789", 12) + "-" + pick("0123456789", 12) + "-" + pick(ALNUM, 32));
    labelled("Slack webhook", "https://hooks.slack.com/services/", "T" + pick(UPPER_DIGITS, 8) + "/B"
        + pick(UPPER_DIGITS, 8) + "/" + pick(ALNUM, 24), "");
    shaped("Stripe live secret key", "sk_live_" + pick(ALNUM, 99));
    shaped("Stripe restricted key", "rk_live_" + pick(ALNUM, 99));
    shaped("Stripe webhook secret", "whsec_" + pick(ALNUM, 32));
    shaped("Hugging Face token", "hf_" + pick(ALNUM, 34));
    shaped("npm token", "npm_" + pick(ALNUM, 36));
    shaped("SendGrid key", "SG." + pick(URL_SAFE, 22) + "." + pick(URL_SAFE, 43));
    shaped("Groq key", "gsk_" + pick(ALNUM, 52));
    shaped("JWT", "eyJhbGciOiJSUzI1NiIsImtpZCI6Ij" + pick(URL_SAFE, 20) + ".eyJzdWIiOi" + pick(URL_SAFE, 60) + "."
        + pick(URL_SAFE, 86));
    labelled("Bearer token", "Authorization: Bearer ", pick(ALNUM + "._~+/-", 40), "");
    String user = "svc-" + pick(ALNUM, 6);
    String password = pick(ALNUM, 18);
    labelled("Basic credentials", "Authorization: Basic ", Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)), "");
    labelled("Password in a URL", "postgres://" + user + ":", pick(ALNUM, 20), "@db.internal:5432/orders");
    labelled("Password in a query string", "https://legacy.example.com/login?user=ann&password=", pick(ALNUM, 16),
        "&next=/home");
    labelled("API key header line", "X-Api-Key: ", pick(ALNUM, 32), "");
    labelled("Client secret in JSON text", "{\"client_id\": \"shop-web\", \"client_secret\": \"", pick(ALNUM, 40),
        "\"}");
    labelled("Password in YAML", "datasource:\n  url: jdbc:postgresql://db/orders\n  password: ", pick(ALNUM, 16),
        "\n  pool: 5");
    labelled("RSA private key", "-----BEGIN RSA PRIVATE KEY-----\n", pem(), "\n-----END RSA PRIVATE KEY-----");
    labelled("OpenSSH private key", "-----BEGIN OPENSSH PRIVATE KEY-----\n", pem(),
        "\n-----END OPENSSH PRIVATE KEY-----");
    labelled("PKCS#8 private key in JSON", "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n",
        pem().replace("\n", "\\n"), "\\n-----END PRIVATE KEY-----\\n\"}");
  }

  List<Secret> secrets() {
    return List.copyOf(secrets);
  }

  /** Each needle of each secret found in {@code outputs} (name → text), as "kind (needle) in name". */
  List<String> leaksIn(Map<String, String> outputs) {
    List<String> leaks = new ArrayList<>();
    for (Secret secret : secrets) {
      for (String needle : secret.needles()) {
        outputs.forEach((output, text) -> {
          if (text.contains(needle)) {
            leaks.add(secret.kind() + " (" + needle + ") in " + output);
          }
        });
      }
    }
    return leaks;
  }

  /** Every secret's text, one per line. */
  String allTexts() {
    StringBuilder text = new StringBuilder();
    secrets.forEach(secret -> text.append(secret.text()).append('\n'));
    return text.toString();
  }

  private void shaped(String kind, String secret) {
    secrets.add(new Secret(kind, "the " + kind + " is " + secret + " (do not share)", secret));
  }

  private void labelled(String kind, String before, String secret, String after) {
    secrets.add(new Secret(kind, before + secret + after, secret));
  }

  private String pem() {
    StringBuilder body = new StringBuilder();
    for (int line = 0; line < 6; line++) {
      body.append(line == 0 ? "" : "\n").append(pick(BASE64, 64));
    }
    return body.toString();
  }

  private String pick(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}

package cn.yrd.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** One keep-alive HTTP/1.1 connection, used by one thread at a time, blocking. */
final class Http1Connection implements Closeable {
  /** The server closed the connection before answering: it was idle, nothing was processed. */
  static final class ClosedBeforeAnswer extends IOException {
    ClosedBeforeAnswer() {
      super("connection closed before any byte of an answer");
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean open = true;

  Http1Connection(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  boolean isOpen() {
    return open;
  }

  /** Sends one request (head and body in one write) and reads its whole answer. */
  Api.Response exchange(byte[] request, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    out.write(request);
    out.flush();
    String status = readLine();
    if (status == null) {
      throw new ClosedBeforeAnswer();
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> open &= !value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body;
    if (code == 204 || code == 304) {
      body = new byte[0];
    } else if (chunked) {
      body = readChunks();
    } else if (length >= 0) {
      body = readExactly((int) length);
    } else {
      body = in.readAllBytes();
      open = false;
    }
    return new Api.Response(code, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new IOException("connection closed after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  private byte[] readChunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = requireLine();
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (!requireLine().isEmpty()) {
          // trailers, ignored
        }
        return body.toByteArray();
      }
      body.write(readExactly(n));
      requireLine();
    }
  }

  private String requireLine() throws IOException {
    String line = readLine();
    if (line == null) {
      throw new IOException("connection closed inside a chunked body");
    }
    return line;
  }

  /** One line without its CRLF, or null at the end of the stream before any byte. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    if (b < 0 && line.length() == 0) {
      return null;
    }
    return line.toString();
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}

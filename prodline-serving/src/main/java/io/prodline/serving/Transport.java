package io.prodline.serving;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.prodline.core.error.ProdlineException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket implementation of the REST and management ports. Linux's io_uring where the kernel allows it: a loop
 * hands the kernel its reads and writes in batches and collects their completions without a system call each,
 * which is where a small request's time goes when system calls are dear (in virtual machines most of all). Then
 * native epoll, then Java NIO, so the server runs on any JVM. Unless one is named, the server takes the first of
 * these whose event loops start here ({@link #open}); a kernel or a container that forbids io_uring (Docker's
 * default seccomp profile does) makes it fall back.
 */
public enum Transport {
  IO_URING("io_uring", IoUringIoHandler::newFactory, IoUringServerSocketChannel.class) {
    @Override
    Throwable unavailabilityCause() {
      return IoUring.unavailabilityCause();
    }
  },
  EPOLL("epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class) {
    @Override
    Throwable unavailabilityCause() {
      return Epoll.unavailabilityCause();
    }
  },
  NIO("nio", NioIoHandler::newFactory, NioServerSocketChannel.class) {
    @Override
    Throwable unavailabilityCause() {
      return null;
    }
  };

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final String LEAVE_IT_UNSET =
      "leave the transport unset (--transport auto) to take the first one that starts";

  private final String label;
  private final Supplier<IoHandlerFactory> ioHandler;
  private final Class<? extends ServerChannel> serverChannel;

  Transport(String label, Supplier<IoHandlerFactory> ioHandler, Class<? extends ServerChannel> serverChannel) {
    this.label = label;
    this.ioHandler = ioHandler;
    this.serverChannel = serverChannel;
  }

  /** Why this transport cannot run here (its native library or the kernel refused), or {@code null} if it can. */
  abstract Throwable unavailabilityCause();

  public boolean isAvailable() {
    return unavailabilityCause() == null;
  }

  /**
   * The transport named {@code name} ({@code io_uring}, {@code epoll} or {@code nio}, any case), or {@code null}
   * for {@code auto}: the first whose event loops start.
   *
   * @throws ProdlineException for any other name
   */
  public static Transport named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    if (wanted.equals("auto")) {
      return null;
    }
    return Arrays.stream(values()).filter(t -> t.label.equals(wanted)).findFirst()
        .orElseThrow(() -> new ProdlineException("unknown transport '" + name + "': use auto, io_uring, epoll or nio"));
  }

  /**
   * Fails with the reason this transport cannot run here and what to choose instead, so a server asked for a
   * transport it cannot have stops at start instead of quietly running on another.
   */
  void requireAvailable() {
    Throwable cause = unavailabilityCause();
    if (cause != null) {
      throw notAvailable(cause);
    }
  }

  ProdlineException notAvailable(Throwable cause) {
    return new ProdlineException("the " + label + " transport is not available on this machine (" + cause
        + "); " + LEAVE_IT_UNSET, cause);
  }

  /** A server's event loops: one accepting connections, {@code io} serving them. */
  record EventLoops(Transport transport, EventLoopGroup accept, EventLoopGroup io) {
    void shutdown() {
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      accept.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /**
   * Starts a server's event loops on {@code wanted}, or, for {@code null}, on the first transport in order of
   * preference whose loops start: io_uring can pass its library's check and still fail to set up a loop's ring
   * (an older kernel counts ring memory against a low locked-memory limit), and then epoll serves instead.
   *
   * @throws ProdlineException when {@code wanted} cannot run here or its loops do not start
   */
  static EventLoops open(Transport wanted, int ioThreads) {
    if (wanted == null) {
      return firstThatStarts(List.of(values()), Transport::isAvailable, transport -> transport.start(ioThreads));
    }
    wanted.requireAvailable();
    try {
      return wanted.start(ioThreads);
    } catch (RuntimeException | LinkageError e) {
      throw new ProdlineException(couldNotStart(wanted, e) + "; " + LEAVE_IT_UNSET, e);
    }
  }

  /** The loops {@code start} gives for the first transport of {@code preference} that is available and starts. */
  static EventLoops firstThatStarts(List<Transport> preference, Predicate<Transport> available,
      Function<Transport, EventLoops> start) {
    for (Transport transport : preference) {
      if (available.test(transport)) {
        try {
          return start.apply(transport);
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("{}; trying the next one", couldNotStart(transport, e));
        }
      }
    }
    throw new ProdlineException("no transport could start its event loops (tried " + preference + ")");
  }

  private static String couldNotStart(Transport transport, Throwable e) {
    return "the " + transport + " transport could not start its event loops (" + e + ")";
  }

  private EventLoops start(int ioThreads) {
    EventLoopGroup accept = newGroup(1, "prodline-accept");
    try {
      return new EventLoops(this, accept, newGroup(ioThreads, "prodline-io"));
    } catch (RuntimeException | LinkageError e) {
      accept.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  private EventLoopGroup newGroup(int threads, String threadName) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName, true), ioHandler.get());
  }

  Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }

  @Override
  public String toString() {
    return label;
  }
}

package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

  @Test
  void shouldDecodeKernelAddressesWhenReadingTheSocketTable() throws Exception {
    // GIVEN / WHEN the kernel's hex forms of 127.0.0.1, 0.0.0.0 and ::1
    // THEN they decode to those addresses
    assertThat(ListeningSockets.address("0100007F")).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(ListeningSockets.address("00000000")).isEqualTo(InetAddress.getByName("0.0.0.0"));
    assertThat(ListeningSockets.address("00000000000000000000000001000000"))
        .isEqualTo(InetAddress.getByName("::1"));
  }
}

package io.affinitygrid.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    /** Ports each JVM takes in the test across processes: more than one block of 100. */
    static final int PER_JVM = 150;

    @Test
    void portsAreFreeDistinctAndBelowTheEphemeralRange() throws IOException {
        int[] ports = LoopbackPorts.next(200);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(200);
        assertThat(Arrays.stream(ports).boxed().toList()).allSatisfy(port -> assertThat(port).isBetween(20_000, 31_999));
        for (int port : Arrays.copyOf(ports, 5)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(LoopbackPorts.HOST), port));
            }
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsSkipped() throws IOException {
        int run;
        do {
            run = LoopbackPorts.run(3);
        }
        while ((run - 20_000) % 100 > 95); // the port after the run must be in the same block
        // the next port of the block, bound by someone else before it is asked for
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName(LoopbackPorts.HOST), run + 3));
            int next = LoopbackPorts.next();
            assertThat(next).isNotEqualTo(run + 3);
        }
    }

    @Test
    void runsAreConsecutiveAndNeverOverlapOtherPorts() {
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int base = LoopbackPorts.run(7);
            for (int port = base; port < base + 7; port++) {
                assertThat(given.add(port)).as("port %s handed out once", port).isTrue();
            }
            assertThat(given.add(LoopbackPorts.next())).isTrue();
        }
        assertThatThrownBy(() -> LoopbackPorts.run(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be between 1 and 100, got 101");
    }

    /** Three JVMs (two children and this one) take ports at the same time: no port is handed out twice. */
    @Test
    void parallelJvmsNeverShareAPort() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName())
                    .redirectErrorStream(true).start());
        }
        Set<Integer> mine = IntStream.of(LoopbackPorts.next(PER_JVM)).boxed().collect(Collectors.toSet());
        List<Set<Integer>> all = new ArrayList<>(List.of(mine));
        try {
            // each child holds its ports (and its block locks) until every JVM has taken its own: a JVM that exits
            // frees its blocks for others, which is allowed
            for (Process child : children) {
                java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("ports of a child JVM").isNotNull().matches("[0-9,]+");
                all.add(Arrays.stream(line.trim().split(",")).map(Integer::valueOf).collect(Collectors.toSet()));
            }
        }
        finally {
            for (Process child : children) {
                child.getOutputStream().close();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
        for (Process child : children) {
            assertThat(child.exitValue()).isZero();
        }
        Set<Integer> union = new HashSet<>();
        for (Set<Integer> ports : all) {
            assertThat(ports).hasSize(PER_JVM);
            union.addAll(ports);
        }
        assertThat(union).as("no port in two JVMs").hasSize(3 * PER_JVM);
    }

    /** Takes {@value #PER_JVM} ports, prints them comma-separated, and holds them until its input closes. */
    public static final class Child {
        public static void main(String[] args) throws java.io.IOException {
            System.out.println(IntStream.of(LoopbackPorts.next(PER_JVM)).mapToObj(String::valueOf).collect(Collectors.joining(",")));
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our input
            }
        }
    }
}

package io.affinitygrid.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.InputReader;

/**
 * One command line run as the shell runs a line of a script or a one-shot command: its exit code and its output.
 *
 * @param code the exit code: 0, 1 (the command failed) or 2 (the line is wrong)
 * @param lines the output's lines
 */
public record ShellRun(int code, List<String> lines) {

    /** Runs {@code line} with the shell's runner in {@code context}, with no input. */
    public static ShellRun of(ApplicationContext context, String line) {
        return of(context.getBean(GridShellRunner.class), line);
    }

    /** Runs {@code line} with {@code runner}, with no input. */
    static ShellRun of(GridShellRunner runner, String line) {
        StringWriter output = new StringWriter();
        int code = runner.execute(line, new PrintWriter(output), new InputReader() {
        });
        return new ShellRun(code, output.toString().lines().toList());
    }
}

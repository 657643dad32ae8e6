package io.affinitygrid.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds task jars at test time, as a user would: Java sources compiled with the JDK's compiler against the
 * jars (or class folders) holding the given classes, then packed with {@code java.util.jar}.
 *
 * <pre>{@code
 * byte[] jar = TaskJars.builder().against(ScanTask.class)
 *         .source("com.example.MaxTask", "package com.example; public final class MaxTask ... {}")
 *         .build();
 * }</pre>
 */
public final class TaskJars {

    private final List<Path> classpath = new ArrayList<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> extra = new LinkedHashMap<>();
    private final java.util.Set<String> excluded = new java.util.HashSet<>();

    private TaskJars() {
    }

    public static TaskJars builder() {
        return new TaskJars();
    }

    /** Compiles against the jars or folders that hold these classes. */
    public TaskJars against(Class<?>... anchors) {
        for (Class<?> anchor : anchors) {
            try {
                classpath.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /** A source file of class {@code className}. */
    public TaskJars source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Any other entry, e.g. a class file copied from elsewhere or a resource. */
    public TaskJars entry(String path, byte[] bytes) {
        extra.put(path, bytes);
        return this;
    }

    /** Compiles class {@code className} but leaves it out of the jar, e.g. to make a dependency missing. */
    public TaskJars exclude(String className) {
        excluded.add(className.replace('.', '/') + ".class");
        return this;
    }

    /** Compiles the sources and returns the jar's bytes. */
    public byte[] build() {
        try {
            Path dir = Files.createTempDirectory("task-jar");
            Path src = dir.resolve("src");
            Path out = dir.resolve("classes");
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn", "--release", "17"));
            if (!classpath.isEmpty()) {
                args.add("-classpath");
                args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            }
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            if (!sources.isEmpty()) {
                JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int status = compiler.run(null, errors, errors, args.toArray(String[]::new));
                if (status != 0) {
                    throw new IllegalStateException("The task sources do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
                }
            }
            return jar(out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] jar(Path classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(file).toString().replace('\\', '/');
                if (excluded.contains(entry)) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(entry));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

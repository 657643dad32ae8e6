package io.affinitygrid.compute;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.ignite.compute.ComputeTask;

/** Reads a task class's {@code ComputeTask<A, R>} type arguments, and builds the types of {@link CatalogTasks}. */
final class TaskTypes {

    private TaskTypes() {
    }

    /** {@code {A, R}} of {@code ComputeTask<A, R>} as {@code taskClass} binds them. */
    static Type[] of(Class<?> taskClass) {
        if (!ComputeTask.class.isAssignableFrom(taskClass)) {
            throw new IllegalArgumentException(taskClass.getName() + " is not a ComputeTask");
        }
        Type[] found = resolve(taskClass, new HashMap<>());
        if (found == null) {
            throw new IllegalArgumentException(taskClass.getName() + " is a raw ComputeTask: declare its argument and result types");
        }
        for (Type t : found) {
            if (isOpen(t)) {
                throw new IllegalArgumentException(taskClass.getName() + " leaves the type " + t.getTypeName()
                        + " of ComputeTask open: make a reference from a class that binds it");
            }
        }
        return found;
    }

    private static boolean isOpen(Type type) {
        if (type instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).anyMatch(TaskTypes::isOpen);
        }
        return !(type instanceof Class<?>);
    }

    private static Type[] resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = rawClass(type);
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
            for (int i = 0; i < vars.length; i++) {
                inner.put(vars[i], substitute(args[i], bindings));
            }
            bindings = inner;
            if (raw == ComputeTask.class) {
                return new Type[] {bindings.get(vars[0]), bindings.get(vars[1])};
            }
        }
        else if (raw == ComputeTask.class) {
            return null;
        }
        if (raw.getGenericSuperclass() != null) {
            Type[] found = resolve(raw.getGenericSuperclass(), bindings);
            if (found != null) {
                return found;
            }
        }
        for (Type itf : raw.getGenericInterfaces()) {
            if (ComputeTask.class.isAssignableFrom(rawClass(itf))) {
                Type[] found = resolve(itf, bindings);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v && bindings.containsKey(v)) {
            return bindings.get(v);
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = substitute(args[i], bindings);
            }
            return new Parameterized((Class<?>) p.getRawType(), args);
        }
        return type;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return Object.class;
    }

    /** {@code raw<args>}, e.g. {@code List<GroupRow>}. */
    static ParameterizedType parameterized(Class<?> raw, Type... args) {
        return new Parameterized(raw, args.clone());
    }

    private static final class Parameterized implements ParameterizedType {

        private final Class<?> raw;
        private final Type[] args;

        Parameterized(Class<?> raw, Type[] args) {
            this.raw = raw;
            this.args = args;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public String getTypeName() {
            StringBuilder s = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < args.length; i++) {
                s.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
            }
            return s.append('>').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && raw.equals(p.getRawType())
                    && Objects.equals(getOwnerType(), p.getOwnerType()) && Arrays.equals(args, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }
}

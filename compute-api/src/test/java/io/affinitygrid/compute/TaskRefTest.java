package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.junit.jupiter.api.Test;

class TaskRefTest {

    /** A user's task, typed through a generic superclass. */
    abstract static class Base<X, Y> extends ComputeTaskAdapter<X, List<Y>> {
        @Override
        public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, X arg) {
            return Map.of();
        }

        @Override
        public List<Y> reduce(List<ComputeJobResult> results) {
            return List.of();
        }
    }

    static final class WordsTask extends Base<String, WordCount> {
    }

    @SuppressWarnings("rawtypes")
    static final class RawTask extends ComputeTaskAdapter {
        @Override
        public Map map(List subgrid, Object arg) {
            return Map.of();
        }

        @Override
        public Object reduce(List results) {
            return null;
        }
    }

    @Test
    void aReferenceIsNamedAndTypedByItsClass() {
        TaskRef<String, List<WordCount>> ref = TaskRef.of(WordsTask.class);
        assertThat(ref.name()).isEqualTo(WordsTask.class.getName());
        assertThat(ref.argumentClass()).isEqualTo(String.class);
        assertThat(ref.resultType().getTypeName()).isEqualTo("java.util.List<io.affinitygrid.compute.WordCount>");
        assertThat(ref).isEqualTo(TaskRef.named(WordsTask.class.getName(), String.class,
                TaskTypes.parameterized(List.class, WordCount.class)));
        assertThat(ref.toString()).contains(WordsTask.class.getName());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aClassThatLeavesItsTypesOpenIsRefused() {
        assertThatThrownBy(() -> TaskRef.of((Class) Base.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open");
        assertThatThrownBy(() -> TaskRef.of((Class) RawTask.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open");
        assertThatThrownBy(() -> TaskRef.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theCatalogHasOneReferencePerTask() {
        assertThat(CatalogTasks.all()).extracting(TaskRef::name).doesNotHaveDuplicates();
        assertThat(CatalogTasks.all()).containsAll(CatalogTasks.readOnly());
        assertThat(InternalMaps.isInternal(TaskProgress.CACHE)).isTrue();
        assertThat(InternalMaps.isInternal("orders")).isFalse();
    }
}

package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.apache.ignite.compute.ComputeTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * compute-api names the catalog's tasks without seeing their classes: each reference must name an existing
 * task class whose argument and result types are the reference's, so renaming a task or changing its types
 * fails this build instead of the clients' calls.
 */
class CatalogTaskRefsTest {

    static Stream<TaskRef<?, ?>> catalog() {
        return CatalogTasks.all().stream();
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void everyReferenceNamesATaskClassWithItsTypes(TaskRef<?, ?> ref) throws ClassNotFoundException {
        Class<?> taskClass = Class.forName(ref.name());
        assertThat(ComputeTask.class).isAssignableFrom(taskClass);
        @SuppressWarnings({"unchecked", "rawtypes"})
        TaskRef<?, ?> fromClass = TaskRef.of((Class) taskClass);
        assertThat(fromClass).isEqualTo(ref);
        assertThat(fromClass.argumentType().getTypeName()).isEqualTo(ref.argumentType().getTypeName());
        assertThat(fromClass.resultType().getTypeName()).isEqualTo(ref.resultType().getTypeName());
    }

    @Test
    void theCatalogNamesEveryTaskOfItsPackage() {
        assertThat(CatalogTasks.all()).extracting(TaskRef::name).containsExactlyInAnyOrder(
                SumTask.NAME, CountTask.NAME, StatsTask.NAME, GroupByTask.NAME, TopTask.NAME, DistinctCountTask.NAME,
                WordCountTask.NAME, UpdateTask.NAME, ClusterInfoTask.NAME, FieldNamesTask.NAME, PartitionMapTask.NAME,
                KeyOwnersTask.NAME, KeyCallTask.NAME, io.affinitygrid.compute.deploy.DeployTask.NAME,
                io.affinitygrid.compute.deploy.UndeployTask.NAME, io.affinitygrid.compute.deploy.ListDeploymentsTask.NAME,
                io.affinitygrid.compute.admin.CreateMapTask.class.getName(), io.affinitygrid.compute.admin.DestroyMapTask.class.getName(),
                io.affinitygrid.compute.admin.ClearMapTask.class.getName(), io.affinitygrid.compute.admin.DescribeMapTask.class.getName(),
                io.affinitygrid.compute.admin.MembersTask.class.getName(), io.affinitygrid.compute.admin.StopNodeTask.class.getName());
        assertThat(CatalogTasks.readOnly()).doesNotContain(CatalogTasks.UPDATE, CatalogTasks.KEY_CALL, CatalogTasks.CREATE_MAP,
                CatalogTasks.DESTROY_MAP, CatalogTasks.CLEAR_MAP, CatalogTasks.STOP_NODE);
    }

    @Test
    void aReferenceFromAClassReadsTheTypesThroughAbstractSuperclasses() {
        TaskRef<QueryArgument, List<GroupRow>> groupBy = TaskRef.of(GroupByTask.class);
        assertThat(groupBy.name()).isEqualTo("io.affinitygrid.compute.GroupByTask");
        assertThat(groupBy.argumentClass()).isEqualTo(QueryArgument.class);
        assertThat(groupBy.resultClass()).isEqualTo(List.class);
        assertThat(groupBy.resultType().getTypeName()).isEqualTo("java.util.List<io.affinitygrid.compute.GroupRow>");
        assertThat(TaskRef.of(SumTask.class)).isEqualTo(CatalogTasks.SUM);
    }

    @Test
    void theCatalogsKeyJobNamesAKeyJobClass() throws ClassNotFoundException {
        Class<?> job = Class.forName(CatalogTasks.ADD_TO_FIELD.className());
        assertThat(KeyJob.class).isAssignableFrom(job);
        assertThat(job).isEqualTo(AddToFieldJob.class);
        assertThat(AddToFieldJob.NAME).isEqualTo(CatalogTasks.ADD_TO_FIELD.className());
    }
}

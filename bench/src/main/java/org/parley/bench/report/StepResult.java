package org.parley.bench.report;

import java.util.List;
import org.parley.bench.load.RunResult;

/** The runs of one offered-load step for one server, and whether the step passed. */
public record StepResult(String server, double offered, List<RunResult> runs) {

    /** A step passes when every run met the target and none was limited by the generator. */
    public boolean passed() {
        return runs.stream().allMatch(run -> run.meetsTarget() && !run.generatorSaturated());
    }

    public boolean generatorSaturated() {
        return runs.stream().anyMatch(RunResult::generatorSaturated);
    }

    /** The run with the median p99, standing for the step in tables and the plot. */
    public RunResult median() {
        List<RunResult> sorted = runs.stream().sorted((a, b) -> Long.compare(a.p99(), b.p99())).toList();
        return sorted.get(sorted.size() / 2);
    }

    public long p99Min() {
        return runs.stream().mapToLong(RunResult::p99).min().orElse(0);
    }

    public long p99Max() {
        return runs.stream().mapToLong(RunResult::p99).max().orElse(0);
    }
}

package dev.natter.bench;

import java.nio.file.Path;

/**
 * Everything one run measured; parts that did not run are null.
 *
 * @param plot the latency plot written
 */
public record BenchResult(
    LoadResult load, Capacity.Result capacity, Baselines.Result baselines, Path plot) {}

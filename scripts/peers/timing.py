"""Times a peer's calls the way the .NET side does: a warm-up, then wall and process CPU milliseconds per call."""
import time


def time_calls(call, iterations, warmup):
    """Returns (wall ms list, CPU ms list, the last call's result)."""
    for _ in range(warmup):
        call()
    wall, cpu = [], []
    result = None
    for _ in range(iterations):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu, result

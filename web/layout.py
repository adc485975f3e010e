"""A force-directed layout fast enough for thousands of nodes, computed before the page loads.

networkx's spring and ForceAtlas2 layouts compare every pair of nodes and took 47-60 s at
5,000 nodes here (spring needs scipy above 500 nodes). This Fruchterman-Reingold variant
repels each node from the centres of mass of a coarse grid instead of from every other node,
so an iteration costs nodes x cells rather than nodes squared: about 0.7 s for 5,000 nodes.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from functools import lru_cache

import numpy as np

GRID = 16  # cells per side of the repulsion grid
ITERATIONS = 60
PIXELS_PER_NODE = 45.0  # spacing on the canvas, so larger graphs get a larger drawing


def spread_layout(
    nodes: Sequence[Hashable],
    edges: Sequence[tuple[Hashable, Hashable]],
    *,
    seed: int = 7,
    iterations: int = ITERATIONS,
) -> dict[Hashable, tuple[float, float]]:
    """Canvas positions (pixels, centred on 0) for the nodes; deterministic for a given seed.

    The last few layouts are kept: revisiting a view, or only changing what sizes the nodes,
    asks for the same nodes and edges again.
    """
    return dict(_cached_layout(tuple(nodes), tuple(edges), seed, iterations))


def forget_layouts() -> None:
    """Empty the layout cache, so that the next view is laid out afresh (for timing cold)."""
    _cached_layout.cache_clear()


@lru_cache(maxsize=8)
def _cached_layout(
    nodes: tuple[Hashable, ...],
    edges: tuple[tuple[Hashable, Hashable], ...],
    seed: int,
    iterations: int,
) -> tuple[tuple[Hashable, tuple[float, float]], ...]:
    count = len(nodes)
    if count == 0:
        return ()
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array(
        [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b],
        dtype=np.int64,
    ).reshape(-1, 2)
    positions = _relax(count, pairs, np.random.default_rng(seed), iterations)
    positions -= positions.mean(axis=0)
    radius = float(np.abs(positions).max()) or 1.0
    scale = PIXELS_PER_NODE * np.sqrt(count) / radius
    return tuple(
        (node, (float(x * scale), float(y * scale)))
        for node, (x, y) in zip(nodes, positions, strict=True)
    )


def _relax(count: int, pairs: np.ndarray, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Move nodes by grid repulsion plus spring attraction along edges, with cooling."""
    # float32 halves the memory traffic of the nodes x cells arrays that dominate the cost.
    positions = rng.random((count, 2), dtype=np.float32)
    ideal = 1.0 / math.sqrt(count)  # the ideal edge length in the unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    sources, targets = pairs[:, 0], pairs[:, 1]
    for _ in range(iterations):
        displacement = _grid_repulsion(positions, ideal)
        delta = positions[sources] - positions[targets]
        distance = np.sqrt((delta * delta).sum(axis=1))[:, None]
        pull = delta * distance / ideal
        np.add.at(displacement, sources, -pull)
        np.add.at(displacement, targets, pull)
        length = np.maximum(np.sqrt((displacement * displacement).sum(axis=1)), 1e-9)[:, None]
        positions += displacement / length * np.minimum(length, temperature)
        temperature -= cooling
    return positions


def _grid_repulsion(positions: np.ndarray, ideal: float) -> np.ndarray:
    """Repulsion of every node from each occupied grid cell's centre of mass, times its mass.

    A node is also pushed from its own cell's centre, which spreads nodes sharing a cell.
    """
    low = positions.min(axis=0)
    span = np.maximum(positions.max(axis=0) - low, 1e-9)
    cells = np.minimum(((positions - low) / span * GRID).astype(np.int64), GRID - 1)
    cell_ids = cells[:, 0] * GRID + cells[:, 1]
    mass = np.bincount(cell_ids, minlength=GRID * GRID).astype(positions.dtype)
    occupied = mass > 0
    sum_x = np.bincount(cell_ids, positions[:, 0], minlength=GRID * GRID)[occupied]
    sum_y = np.bincount(cell_ids, positions[:, 1], minlength=GRID * GRID)[occupied]
    centres = (np.stack([sum_x, sum_y], axis=1) / mass[occupied, None]).astype(positions.dtype)
    # Squared distances and the weighted sum of offsets through matrix products (BLAS) rather
    # than a nodes x cells x 2 array: |p - c|^2 = |p|^2 + |c|^2 - 2 p.c, and
    # sum_j s_ij (p_i - c_j) = p_i sum_j s_ij - (S C)_i.
    squared = (
        (positions * positions).sum(axis=1)[:, None]
        + (centres * centres).sum(axis=1)[None, :]
        - 2 * positions @ centres.T
    )
    strength = ideal * ideal * mass[occupied] / np.maximum(squared, (0.1 * ideal) ** 2)
    result: np.ndarray = positions * strength.sum(axis=1)[:, None] - strength @ centres
    return result

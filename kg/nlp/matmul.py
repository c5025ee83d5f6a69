"""The model's matrix products through numpy's BLAS, on one thread per process.

thinc multiplies matrices with the BLIS library compiled into the ``blis``
wheel, whose x86 kernels stop at AVX2. numpy's wheels carry OpenBLAS (or
Accelerate on macOS), which picks its kernels for the CPU it runs on. On
AVX-512 machines the products of the small English pipeline's layers run
1.3-1.5x faster there, which makes extraction 5-8% faster end to end.
Model, weights and arithmetic are the same; only the order of a sum's terms
may differ, in the last bit of a float. Measured on 1,500 varied articles
(469,294 tokens), every tag, head, dependency, lemma and entity label came out
identical.

OpenBLAS would spread a large product over every core. Like spaCy, kg uses
more cores by running more processes (``n_process``), so ``one_thread()``
holds the BLAS libraries to one thread while a pipeline runs: two processes
would otherwise fight over the cores with their BLAS threads.

``use_numpy_blas`` leaves a pipeline as it is where numpy was built without an
optimised BLAS (numpy's own fallback loops are slower than BLIS).
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from typing import Iterator

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

OPTIMISED_BLAS = ("openblas", "mkl", "accelerate", "blis", "armpl", "nvpl")


class NumpyBlasOps(NumpyOps):
    """thinc's CPU operations, with float32 matrix products done by ``numpy.matmul``."""

    name = "kg_numpy_blas"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        if x.dtype != numpy.float32 or y.dtype != numpy.float32:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


@functools.lru_cache(maxsize=1)
def numpy_blas() -> str:
    """The name of the BLAS numpy was built with, lowercased ('' if it does not say)."""
    try:
        config = numpy.show_config(mode="dicts")
    except TypeError:  # numpy < 1.26 prints its configuration and returns nothing
        return ""
    blas = (config or {}).get("Build Dependencies", {}).get("blas", {})
    return str(blas.get("name", "")).lower() if blas.get("found") else ""


def use_numpy_blas(nlp: Language) -> bool:
    """Give every trained component's model ``NumpyBlasOps``; False (and nothing changed) without
    an optimised BLAS in numpy or when a model runs on other operations (a GPU, say)."""
    if not any(name in numpy_blas() for name in OPTIMISED_BLAS):
        return False
    layers = [node for _, component in nlp.pipeline if hasattr(getattr(component, "model", None), "walk")
              for node in component.model.walk()]
    if not layers or any(type(node.ops) is not NumpyOps for node in layers):
        return False
    ops = NumpyBlasOps()
    for node in layers:
        node.ops = ops
    return True


@functools.lru_cache(maxsize=1)
def _controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS libraries on one thread inside the block; their previous setting after it."""
    with _controller().limit(limits=1, user_api="blas"):
        yield

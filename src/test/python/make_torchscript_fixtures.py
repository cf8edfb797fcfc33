"""Writes the small TorchScript files that the import tests upload (src/test/resources/torchscript/).

The tests use the files as shipped (CI has no torch); run this only to change them:

    python3 -m venv /tmp/tsvenv && /tmp/tsvenv/bin/pip install torch   # CPU wheels are enough
    /tmp/tsvenv/bin/python src/test/python/make_torchscript_fixtures.py

Each module follows the contract in the README ("Importing a model"):

- an algorithmic domain: input int64 [B, L], the question's tokens then every fact's tokens, each
  token id + 1, 0 = padding; output float32 [B, V], logits over the domain's V tokens;
- text: input int64 [B, L], the question's UTF-8 bytes + 1, 0 = padding; output float32 [B, D],
  one embedding per question.
"""
import os

import torch
from torch import nn

# permutation-powering: "?" + 64 names + "0" + "1"; a question is a name then 6 bits, a fact 2 names
PERMUTATION_VOCABULARY = 67
PERMUTATION_QUESTION_LENGTH = 7

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torchscript")


class Echo(nn.Module):
    """Answers σ^k(a) with a: a sharp peak on the question's first token (so the tests know what the
    copies must say), plus a small learned part over the mean of all token embeddings."""

    def __init__(self, vocabulary: int, extra: int = 0, nan: bool = False):
        super().__init__()
        self.vocabulary = vocabulary
        self.outputs = vocabulary + extra
        self.nan = nan
        self.embedding = nn.Embedding(vocabulary + 1, 8, padding_idx=0)
        self.head = nn.Linear(8, vocabulary + extra)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        mask = (tokens > 0).unsqueeze(-1).float()
        pooled = (self.embedding(tokens) * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        logits = 0.1 * self.head(pooled)
        first = tokens[:, 0] - 1
        peak = nn.functional.one_hot(first, self.outputs).float() * 20.0
        logits = logits + peak
        if self.nan:
            logits = logits * float("nan")
        return logits


class BytesEncoder(nn.Module):
    """Embeds a question: byte embeddings, mean-pooled over the bytes that are not padding, then a
    linear layer. The same text always gets the same embedding."""

    def __init__(self, width: int = 16):
        super().__init__()
        self.embedding = nn.Embedding(257, 12, padding_idx=0)
        self.project = nn.Linear(12, width)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        mask = (tokens > 0).unsqueeze(-1).float()
        pooled = (self.embedding(tokens) * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.project(pooled)


def save(module: nn.Module, name: str) -> None:
    module.eval()
    scripted = torch.jit.script(module)
    path = os.path.join(OUT, name)
    scripted.save(path)
    print(f"{name}: {os.path.getsize(path)} bytes")


def main() -> None:
    torch.manual_seed(6)
    os.makedirs(OUT, exist_ok=True)
    save(Echo(PERMUTATION_VOCABULARY), "permutation-echo.pt")
    save(Echo(PERMUTATION_VOCABULARY, extra=3), "permutation-wrong-shape.pt")
    save(Echo(PERMUTATION_VOCABULARY, nan=True), "permutation-nan.pt")
    save(BytesEncoder(), "text-bytes-encoder.pt")
    print("torch", torch.__version__)


if __name__ == "__main__":
    main()

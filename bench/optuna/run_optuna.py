#!/usr/bin/python3
"""Side-by-side runner: the `search` catalogue of bench/Tuner.Benchmarks, minimised with Optuna's samplers.

    /usr/bin/python3 bench/optuna/run_optuna.py --function branin --trials 100 --seeds 20

prints one JSON line per seed with the same fields as `Tuner.Benchmarks search`:
{"function","dims","sampler","trials","seed","best","regret","ask_ms_median","ask_ms_p99"}.
Seed s runs with the sampler seed s. The default sampler is TPESampler with Optuna's default settings
(sampler label "optuna-tpe"); --sampler tpe-mv sets multivariate=True, --sampler random uses RandomSampler.
Ask time is study.ask() plus the trial's suggest_* calls (where Optuna samples independent parameters), without
the objective. Functions, domains, parameter names and known minima match bench/Tuner.Benchmarks/Functions.
Checked with Debian 12's python3-optuna 3.1.0 (the version the issue compares against).
"""
import argparse
import json
import math
import sys
import time
import warnings

import numpy as np
import optuna


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def six_hump_camel(x):
    x1, x2 = x
    return (4 - 2.1 * x1 ** 2 + x1 ** 4 / 3) * x1 ** 2 + x1 * x2 + (-4 + 4 * x2 ** 2) * x2 ** 2


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN3 = ([[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]],
             [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]])
HARTMANN6 = ([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]],
             [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])


def hartmann(a, p):
    def f(x):
        return -sum(alpha * math.exp(-sum(a[i][j] * (x[j] - p[i][j] * 1e-4) ** 2 for j in range(len(x))))
                    for i, alpha in enumerate(HARTMANN_ALPHA))
    return f


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


def ackley(x):
    d = len(x)
    value = (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / d))
             - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / d) + 20 + math.e)
    return max(value, 0.0)


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    total += sum((wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2) for wi in w[:-1])
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def griewank(x):
    return sum(v * v for v in x) / 4000 - math.prod(math.cos(v / math.sqrt(i + 1)) for i, v in enumerate(x)) + 1


def continuous(name, f, bounds, minimum):
    def suggest(trial):
        return [trial.suggest_float(f"x{i}", low, high) for i, (low, high) in enumerate(bounds)]
    return {"name": name, "dims": len(bounds), "minimum": minimum, "suggest": suggest, "evaluate": f}


MIXED_LR_TARGET = {"sgd": -2.0, "adam": -3.0, "rmsprop": -3.5}
MIXED_OPTIMIZER = {"adam": 0.3, "rmsprop": 0.6}
MIXED_ACTIVATION = {"relu": 0.0, "tanh": 0.25, "sigmoid": 1.0}


def mixed_suggest(trial):
    p = {"optimizer": trial.suggest_categorical("optimizer", ["sgd", "adam", "rmsprop"])}
    if p["optimizer"] == "sgd":
        p["momentum"] = trial.suggest_float("momentum", 0.0, 0.99)
    p["lr"] = trial.suggest_float("lr", 1e-5, 1.0, log=True)
    p["layers"] = trial.suggest_int("layers", 1, 8)
    p["units"] = trial.suggest_int("units", 16, 1024, log=True)
    p["activation"] = trial.suggest_categorical("activation", ["relu", "tanh", "sigmoid"])
    p["batch_norm"] = trial.suggest_categorical("batch_norm", [True, False])
    return p


def mixed_evaluate(p):
    branch = 4 * (p["momentum"] - 0.9) ** 2 if p["optimizer"] == "sgd" else MIXED_OPTIMIZER[p["optimizer"]]
    return ((math.log10(p["lr"]) - MIXED_LR_TARGET[p["optimizer"]]) ** 2 + 0.25 * (p["layers"] - 3) ** 2
            + 0.1 * (math.log2(p["units"]) - 8) ** 2 + MIXED_ACTIVATION[p["activation"]]
            + (0.0 if p["batch_norm"] else 0.2) + branch)


FIXED = {
    "branin": lambda: continuous("branin", branin, [(-5, 10), (0, 15)], 0.39788735772973816),
    "hartmann3": lambda: continuous("hartmann3", hartmann(*HARTMANN3), [(0, 1)] * 3, -3.86278214782076),
    "hartmann6": lambda: continuous("hartmann6", hartmann(*HARTMANN6), [(0, 1)] * 6, -3.32236801141551),
    "six_hump_camel": lambda: continuous("six_hump_camel", six_hump_camel, [(-3, 3), (-2, 2)], -1.0316284534898774),
    "mixed": lambda: {"name": "mixed", "dims": 7, "minimum": 0.0, "suggest": mixed_suggest, "evaluate": mixed_evaluate},
}
SCALABLE = {  # name: (minimum dimension, function, bounds, minimum per dimension)
    "rosenbrock": (2, rosenbrock, (-5, 10), 0.0),
    "styblinski_tang": (1, styblinski_tang, (-5, 5), -39.16616570377141),
    "ackley": (1, ackley, (-32.768, 32.768), 0.0),
    "levy": (1, levy, (-10, 10), 0.0),
    "griewank": (1, griewank, (-600, 600), 0.0),
}
NAMES = list(FIXED) + [n + ":D" for n in SCALABLE]


def catalogue(name):
    if name in FIXED:
        return FIXED[name]()
    base, _, suffix = name.partition(":")
    if base not in SCALABLE:
        raise ValueError(f"function must be one of {', '.join(NAMES)}, but got '{name}'")
    min_dims, f, bounds, minimum = SCALABLE[base]
    if not suffix.isdigit() or not min_dims <= int(suffix) <= 1000:
        raise ValueError(f"function '{base}' needs a dimension between {min_dims} and 1000 as '{base}:D', but got '{name}'")
    dims = int(suffix)
    return continuous(name, f, [bounds] * dims, minimum * dims)


def make_sampler(kind, seed):
    if kind == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if kind == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True, warn_independent_sampling=False)
    return optuna.samplers.RandomSampler(seed=seed)


def run(function, kind, trials, seed):
    study = optuna.create_study(direction="minimize", sampler=make_sampler(kind, seed))
    ask_ms = []
    for _ in range(trials):
        started = time.perf_counter()
        trial = study.ask()
        params = function["suggest"](trial)
        ask_ms.append((time.perf_counter() - started) * 1000)
        study.tell(trial, function["evaluate"](params))
    best = study.best_value
    return {
        "function": function["name"], "dims": function["dims"], "sampler": f"optuna-{kind}", "trials": trials,
        "seed": seed, "best": best, "regret": best - function["minimum"],
        "ask_ms_median": float(np.percentile(ask_ms, 50)), "ask_ms_p99": float(np.percentile(ask_ms, 99)),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--function", required=True, help="catalogue function: " + ", ".join(NAMES))
    parser.add_argument("--sampler", default="tpe", choices=["tpe", "tpe-mv", "random"])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args(argv)
    try:
        function = catalogue(args.function)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    for name in ("trials", "seeds"):
        if getattr(args, name) < 1:
            print(f"--{name} must be at least 1, but got {getattr(args, name)}", file=sys.stderr)
            return 2
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    for seed in range(args.seeds):
        print(json.dumps(run(function, args.sampler, args.trials, seed), separators=(",", ":")), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

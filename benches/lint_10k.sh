#!/usr/bin/env bash
# qovery-lint vs check-jsonschema on 10,000 generated payload files (issue 7; see BENCHMARKS.md).
#
#   benches/lint_10k.sh            # generate (once), install, compare verdicts, time both
#   N=2000 RUNS=3 benches/lint_10k.sh
#
# Steps:
# 1. Generates N request payloads (default 10,000; fixed seed) into bench-data/payloads/
#    (git-ignored, never committed): about 80% valid (every rule, validator-only ones included),
#    20% invalid with 1 to 3 mistakes that the exported JSON Schema can express (type, required,
#    minimum, maximum, pattern, enum, format), so that both tools must reach the same verdict.
#    bench-data/expected.tsv records the intended verdict of each file.
# 2. Installs check-jsonschema from PyPI into a virtualenv under bench-data/ if missing
#    (CHECK_JSONSCHEMA_SPEC=check-jsonschema==X.Y.Z to pin), with `rfc3986-validator`: without
#    it, python-jsonschema does not assert the `uri` format (our `icon_uri`), and files whose
#    only mistake is a relative icon_uri pass check-jsonschema. CJS_EXTRAS="" installs the bare
#    tool (into bench-data/venv-bare) to see that.
# 3. Builds qovery-lint (release) and exports the schema it checks against:
#    `cargo run --release -- schema --kind request > bench-data/request.schema.json`.
# 4. Verdicts: runs both once with JSON output and compares the verdict of every file
#    (qovery-lint `files[].valid` vs the files named in check-jsonschema's `errors` and
#    `parse_errors`), and both against expected.tsv. Any mismatch is listed.
# 5. Timing, default output formats to /dev/null, exit status ignored (invalid files make both
#    exit 1): `qovery-lint check bench-data/payloads` (directory: discovery included; -j = the
#    number of CPUs; also with -j 1 and with --format json) vs ONE `check-jsonschema
#    --schemafile ... <all N files>` invocation (relative file names, ~15 bytes each, far below
#    ARG_MAX; if they were not, the script would batch with xargs and time the whole pipeline).
#    With hyperfine when installed (medians of RUNS runs after a warm-up), otherwise
#    /usr/bin/time medians.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-10000}
RUNS=${RUNS:-5}
DATA=$ROOT/bench-data
PAYLOADS=$DATA/payloads
SPEC=${CHECK_JSONSCHEMA_SPEC:-check-jsonschema}
CJS_EXTRAS=${CJS_EXTRAS-rfc3986-validator}
if [[ -n $CJS_EXTRAS ]]; then VENV=$DATA/venv; else VENV=$DATA/venv-bare; fi
LINT=$ROOT/target/release/qovery-lint
SCHEMA=$DATA/request.schema.json

mkdir -p "$DATA"

# --- 1. payloads -----------------------------------------------------------------------------
GEN_VERSION=1
if [[ ! -f $DATA/.generated || $(cat "$DATA/.generated") != "$GEN_VERSION $N" ]]; then
    echo "== generating $N payloads into $PAYLOADS"
    rm -rf "$PAYLOADS"
    mkdir -p "$PAYLOADS"
    python3 - "$N" "$PAYLOADS" "$DATA/expected.tsv" <<'PY'
import json, random, sys, uuid

n, out, expected_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(20261126)

IMAGES = ["acme/checkout-api", "library/nginx", "team/payments/worker", "billing", "my_app",
          "org/api-server", "data.pipeline/ingest", "a__b/c--d"]
TAGS = ["1.0.0", "2026.11.3", "latest", "v1.2.3-rc.1", "sha-3f2a9c1", "stable_2"]
WORDS = ["checkout", "cart", "billing", "search", "auth", "worker", "gateway", "media"]


def new_uuid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def probe(kind, port):
    if kind == "http":
        t = {"http": {"path": "/health", "scheme": "HTTP", "port": port}}
    elif kind == "tcp":
        t = {"tcp": {"port": port, "host": None}}
    elif kind == "grpc":
        t = {"grpc": {"service": "health", "port": port}}
    else:
        t = {"exec": {"command": ["/bin/true"]}}
    return {
        "type": t,
        "initial_delay_seconds": rng.choice([0, 5, 10, 30]),
        "period_seconds": rng.choice([5, 10, 15]),
        "timeout_seconds": rng.choice([1, 2, 5]),
        "success_threshold": 1,
        "failure_threshold": rng.choice([3, 5]),
    }


def valid():
    name = f"{rng.choice(WORDS)}-{rng.randrange(10**6)}"
    doc = {"name": name}
    if rng.random() < 0.7:
        doc["description"] = f"The {rng.choice(WORDS)} service of the {rng.choice(WORDS)} team"
    doc["registry_id"] = new_uuid()
    doc["image_name"] = rng.choice(IMAGES)
    doc["tag"] = rng.choice(TAGS)
    if rng.random() < 0.5:
        doc["arguments"] = ["--port", "8080", "--log-format", rng.choice(["json", "text"])]
    if rng.random() < 0.3:
        doc["entrypoint"] = "/usr/local/bin/app"
    doc["cpu"] = rng.choice([250, 500, 1000, 2000])
    doc["memory"] = rng.choice([256, 512, 1024, 4096])
    if rng.random() < 0.5:
        doc["gpu"] = 0
    low = rng.choice([1, 1, 2, 3])
    doc["min_running_instances"] = low
    doc["max_running_instances"] = rng.choice([low, low + 2, -1])
    ports, internal_ports = [], []
    for i in range(rng.choice([0, 1, 1, 1, 2, 3])):
        protocol = rng.choice(["HTTP", "HTTP", "GRPC", "TCP", "UDP"])
        internal = rng.choice([p for p in (80, 3000, 5000, 8000, 8080, 9090, 50051)
                               if p not in internal_ports])
        internal_ports.append(internal)
        port = {"name": f"p{i}-{protocol.lower()}", "internal_port": internal,
                "publicly_accessible": rng.random() < 0.6, "protocol": protocol}
        if port["publicly_accessible"]:
            port["external_port"] = 443 if protocol in ("HTTP", "GRPC") else internal
            if protocol in ("HTTP", "GRPC") and rng.random() < 0.5:
                port["public_path"] = f"/{rng.choice(WORDS)}"
                port["public_path_rewrite"] = "/"
        if i == 0 and rng.random() < 0.5:
            port["is_default"] = True
        ports.append(port)
    if ports or rng.random() < 0.5:
        doc["ports"] = ports
    healthchecks = {}
    for which in ("readiness_probe", "liveness_probe"):
        if rng.random() < 0.8:
            if internal_ports:
                healthchecks[which] = probe(rng.choice(["http", "tcp", "grpc", "exec"]),
                                            rng.choice(internal_ports))
            else:
                healthchecks[which] = probe("exec", None)
    doc["healthchecks"] = healthchecks
    storage = [{"type": "FAST_SSD", "size": rng.choice([4, 10, 20, 100]),
                "mount_point": f"/data/{i}/{rng.choice(WORDS)}"}
               for i in range(rng.choice([0, 0, 1, 1, 2]))]
    if storage or rng.random() < 0.5:
        doc["storage"] = storage
    if rng.random() < 0.3:
        doc["annotations_groups"] = [{"id": new_uuid()}]
    if rng.random() < 0.3:
        doc["labels_groups"] = [{"id": new_uuid()}]
    doc["auto_preview"] = rng.random() < 0.3
    doc["auto_deploy"] = rng.random() < 0.7
    if rng.random() < 0.4:
        doc["icon_uri"] = f"app://qovery-console/{rng.choice(WORDS)}"
    return doc


def first_port(doc):
    if not doc.get("ports"):
        doc["ports"] = [{"name": "http", "internal_port": 8080, "publicly_accessible": False,
                         "protocol": "HTTP"}]
    return doc["ports"][0]


def first_storage(doc):
    if not doc.get("storage"):
        doc["storage"] = [{"type": "FAST_SSD", "size": 10, "mount_point": "/data"}]
    return doc["storage"][0]


# Mistakes the exported schema expresses (keyword in the comment).
MISTAKES = [
    lambda d: d.__setitem__("cpu", str(d["cpu"])),                        # type
    lambda d: d.__setitem__("cpu", 5),                                    # minimum
    lambda d: d.__setitem__("memory", 4),                                 # minimum
    lambda d: d.pop("name"),                                              # required
    lambda d: d.pop("healthchecks"),                                      # required
    lambda d: d.__setitem__("name", "   "),                               # pattern (not blank)
    lambda d: d.__setitem__("registry_id", "registry-42"),                # format uuid
    lambda d: d.__setitem__("image_name", d["image_name"] + ":1.27"),     # pattern
    lambda d: d.__setitem__("image_name", "Acme/API"),                    # pattern
    lambda d: d.__setitem__("tag", "-rc1"),                               # pattern
    lambda d: first_port(d).__setitem__("external_port", 70000),          # maximum
    lambda d: first_port(d).__setitem__("internal_port", 0),              # minimum
    lambda d: first_port(d).__setitem__("protocol", "QUIC"),              # enum
    lambda d: first_storage(d).__setitem__("size", 2),                    # minimum
    lambda d: first_storage(d).__setitem__("mount_point", "data"),        # pattern
    lambda d: d.__setitem__("min_running_instances", -3),                 # minimum
    lambda d: d.__setitem__("auto_deploy", "yes"),                        # type
    lambda d: d["healthchecks"].__setitem__(                              # minimum
        "liveness_probe", dict(probe("exec", None), period_seconds=0)),
    lambda d: d.__setitem__("icon_uri", "icons/checkout.svg"),            # format uri
]

width = len(str(n - 1))
with open(expected_path, "w") as expected:
    for i in range(n):
        doc = valid()
        verdict = "valid"
        if rng.random() < 0.2:
            verdict = "invalid"
            for mistake in rng.sample(MISTAKES, rng.choice([1, 1, 2, 3])):
                if "healthchecks" not in doc:  # a mistake inside the removed member
                    doc["healthchecks"] = {}
                mistake(doc)
        name = f"p{i:0{width}d}.json"
        with open(f"{out}/{name}", "w") as f:
            if rng.random() < 0.5:
                json.dump(doc, f, indent=2)
            else:
                json.dump(doc, f, separators=(",", ":"))
            f.write("\n")
        expected.write(f"{name}\t{verdict}\n")
PY
    echo "$GEN_VERSION $N" > "$DATA/.generated"
fi
COUNT=$(find "$PAYLOADS" -name '*.json' | wc -l)
BYTES=$(du -sb "$PAYLOADS" | cut -f1)
echo "== $COUNT payload files, $BYTES bytes"

# --- 2. check-jsonschema ---------------------------------------------------------------------
if [[ ! -x $VENV/bin/check-jsonschema ]]; then
    echo "== installing $SPEC $CJS_EXTRAS into $VENV"
    python3 -m venv "$VENV"
    # shellcheck disable=SC2086 # CJS_EXTRAS is a list of requirements
    "$VENV/bin/pip" install --quiet "$SPEC" $CJS_EXTRAS
fi
CJS=$VENV/bin/check-jsonschema
CJS_VERSION="$("$CJS" --version 2>&1 | tail -n 1)${CJS_EXTRAS:+ + $CJS_EXTRAS}"

# --- 3. qovery-lint and the exported schema --------------------------------------------------
echo "== building qovery-lint (release) and exporting the schema"
cargo build --release --quiet --bin qovery-lint
cargo run --release --quiet -- schema --kind request > "$SCHEMA"

# The file arguments of check-jsonschema, relative to $PAYLOADS.
cd "$PAYLOADS"
ARGS_BYTES=$(find . -maxdepth 1 -name '*.json' -printf '%f\0' | wc -c)
ARG_MAX=$(getconf ARG_MAX)
if ((ARGS_BYTES + 65536 < ARG_MAX)); then
    CJS_CMD="cd '$PAYLOADS' && '$CJS' --schemafile '$SCHEMA' *.json"
    CJS_HOW="one invocation, $COUNT file arguments ($ARGS_BYTES bytes)"
else
    CJS_CMD="cd '$PAYLOADS' && find . -maxdepth 1 -name '*.json' -print0 | xargs -0 -s $((ARG_MAX - 65536)) '$CJS' --schemafile '$SCHEMA'"
    CJS_HOW="xargs batches of up to $((ARG_MAX - 65536)) bytes, timed as one pipeline"
fi
cd "$ROOT"

# --- 4. verdicts -----------------------------------------------------------------------------
echo "== verdicts"
"$LINT" check "$PAYLOADS" --format json > "$DATA/qovery-lint.json" || true
(cd "$PAYLOADS" && "$CJS" --schemafile "$SCHEMA" -o json *.json > "$DATA/check-jsonschema.json") || true
python3 - "$DATA" <<'PY'
import json, os, sys

data = sys.argv[1]
expected = dict(line.rstrip("\n").split("\t") for line in open(f"{data}/expected.tsv"))
ours = {os.path.basename(f["path"]): ("valid" if f["valid"] else "invalid")
        for f in json.load(open(f"{data}/qovery-lint.json"))["files"]}
cjs_report = json.load(open(f"{data}/check-jsonschema.json"))
bad = {os.path.basename(e["filename"]) for e in cjs_report.get("errors", [])}
bad |= {os.path.basename(e["filename"]) for e in cjs_report.get("parse_errors", [])}
theirs = {name: ("invalid" if name in bad else "valid") for name in expected}

def mismatches(a, b):
    return sorted(name for name in expected if a.get(name) != b.get(name))

invalid = sum(v == "invalid" for v in expected.values())
print(f"files: {len(expected)} ({len(expected) - invalid} valid, {invalid} invalid by construction)")
print(f"qovery-lint says invalid: {sum(v == 'invalid' for v in ours.values())} of {len(ours)}")
print(f"check-jsonschema says invalid: {len(bad)}")
for label, (a, b) in {
    "qovery-lint vs check-jsonschema": (ours, theirs),
    "qovery-lint vs expected": (ours, expected),
    "check-jsonschema vs expected": (theirs, expected),
}.items():
    found = mismatches(a, b)
    print(f"{label}: {len(found)} mismatch(es)" + (f", e.g. {found[:10]}" if found else ""))
with open(f"{data}/verdict-mismatches.txt", "w") as out:
    for name in mismatches(ours, theirs):
        out.write(f"{name}\tqovery-lint={ours.get(name)}\tcheck-jsonschema={theirs.get(name)}\n")
PY

# --- 5. timing -------------------------------------------------------------------------------
LINT_CMD="'$LINT' check '$PAYLOADS'"
LINT_JSON_CMD="'$LINT' check '$PAYLOADS' --format json"
LINT_J1_CMD="'$LINT' check '$PAYLOADS' -j 1"
echo "== timing ($CJS_VERSION; check-jsonschema: $CJS_HOW)"
if command -v hyperfine > /dev/null; then
    hyperfine --ignore-failure --style basic --warmup 2 --runs $((RUNS * 2)) \
        --output null --export-json "$DATA/hyperfine-qovery-lint.json" \
        -n "qovery-lint (text)" "$LINT_CMD" -n "qovery-lint (json)" "$LINT_JSON_CMD" \
        -n "qovery-lint (text, -j 1)" "$LINT_J1_CMD"
    hyperfine --ignore-failure --style basic --warmup 1 --runs "$RUNS" \
        --output null --export-json "$DATA/hyperfine-check-jsonschema.json" \
        -n "check-jsonschema" "$CJS_CMD"
    python3 - "$DATA" <<'PY'
import json, sys
data = sys.argv[1]
results = {}
for tool in ("qovery-lint", "check-jsonschema"):
    for r in json.load(open(f"{data}/hyperfine-{tool}.json"))["results"]:
        results[r["command"]] = r
for name, r in results.items():
    print(f"{name:26s} median {r['median']:.3f} s  (mean {r['mean']:.3f} s, min {r['min']:.3f} s, {len(r['times'])} runs)")
theirs = results["check-jsonschema"]["median"]
for name in ("qovery-lint (text)", "qovery-lint (json)", "qovery-lint (text, -j 1)"):
    print(f"check-jsonschema / {name}: {theirs / results[name]['median']:.1f}x (target >= 50x)")
print("(check-jsonschema runs on one core; qovery-lint uses every CPU unless -j 1)")
PY
else
    median_of() { # command, runs -> median wall seconds
        local times=()
        for _ in $(seq "$2"); do
            times+=("$( { /usr/bin/time -f '%e' bash -c "$1" > /dev/null 2>/dev/null; } 2>&1 | tail -n 1)")
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'
    }
    bash -c "$LINT_CMD" > /dev/null 2>&1 || true # warm-up
    OURS=$(median_of "$LINT_CMD" $((RUNS * 2)))
    THEIRS=$(median_of "$CJS_CMD" "$RUNS")
    echo "qovery-lint median ${OURS}s, check-jsonschema median ${THEIRS}s"
    python3 -c "print(f'check-jsonschema / qovery-lint: {$THEIRS / max($OURS, 0.001):.1f}x (target >= 50x)')"
fi

#!/usr/bin/env bash
# qovery-lint against the tools a user would pick instead, and against the I/O floor, on N
# generated payload files (issues 7 and 20; see BENCHMARKS.md).
#
#   benches/lint_10k.sh                          # 10,000 files, every peer
#   N=2000 RUNS=10 benches/lint_10k.sh           # the issue-20 comparison
#   N=100000 PEERS= benches/lint_10k.sh          # scaling: qovery-lint and `cat` only
#
# Needs cargo, python3 (with venv), and npm for ajv; hyperfine is optional (HYPERFINE=1).
# Steps:
# 1. Generates N request payloads (default 10,000; fixed seed) into bench-data/nN/payloads/
#    (git-ignored, never committed): about 80% valid (every rule, validator-only ones included),
#    20% invalid with 1 to 3 mistakes that the exported JSON Schema can express (type, required,
#    minimum, maximum, pattern, enum, format), so that every tool must reach the same verdict.
#    bench-data/nN/expected.tsv records the intended verdict of each file.
# 2. Installs the peers named in PEERS (default: all three) where they are missing:
#    - jsonschema-cli (Rust, one thread) from crates.io: `cargo install --locked jsonschema-cli`
#      into target/bench-tools/ (JSONSCHEMA_CLI_VERSION=X.Y.Z to pin);
#    - ajv-cli 5 with ajv-formats 3 (Node) from npm into target/bench-tools/npm/;
#    - check-jsonschema (Python) from PyPI into bench-data/venv/ (CHECK_JSONSCHEMA_SPEC to pin),
#      with `rfc3986-validator`: without it python-jsonschema does not assert the `uri` format
#      (our `icon_uri`). CJS_EXTRAS="" installs the bare tool (into bench-data/venv-bare).
#    Every peer asserts formats (uuid, uri), as qovery-lint does.
# 3. Builds qovery-lint (release) and exports the schema the peers check against:
#    `qovery-lint schema --kind request > bench-data/request.schema.json` (draft 2020-12).
# 4. Verdicts: runs every tool once and compares the verdict of every file with qovery-lint's
#    and with expected.tsv. Any mismatch is listed; the script fails when two tools disagree.
# 5. Timing with benches/timer.py, in the payload directory: whole processes, commands in turn
#    round after round (RUNS rounds; SLOW_RUNS for ajv and check-jsonschema), output to
#    /dev/null, exit statuses ignored. The file names are expanded by the timer, not a shell.
#    - `cat *.json`: the floor, reading every file once;
#    - `qovery-lint check .` (the directory: discovery included; -j = the CPUs), with `-j 1`,
#      and with `--format json`;
#    - jsonschema-cli, ajv and check-jsonschema on the file names (commands below).
#    It prints a table (medians of wall and CPU time, peak RSS) and the ratios of issue 20, each
#    the median of per-round ratios. With HYPERFINE=1 and hyperfine installed, hyperfine times
#    the same commands too, as a cross-check.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-10000}
RUNS=${RUNS:-10}
SLOW_RUNS=${SLOW_RUNS:-3}
PEERS=${PEERS-jsonschema-cli ajv check-jsonschema}
DATA=$ROOT/bench-data
SET=$DATA/n$N
PAYLOADS=$SET/payloads
TOOLS=$ROOT/target/bench-tools
SPEC=${CHECK_JSONSCHEMA_SPEC:-check-jsonschema}
CJS_EXTRAS=${CJS_EXTRAS-rfc3986-validator}
if [[ -n $CJS_EXTRAS ]]; then VENV=$DATA/venv; else VENV=$DATA/venv-bare; fi
LINT=$ROOT/target/release/qovery-lint
SCHEMA=$DATA/request.schema.json
JSCLI=$TOOLS/bin/jsonschema-cli
AJV=$TOOLS/npm/node_modules/.bin/ajv
CJS=$VENV/bin/check-jsonschema
has_peer() { [[ " $PEERS " == *" $1 "* ]]; }

mkdir -p "$SET" "$TOOLS"

# --- 1. payloads -----------------------------------------------------------------------------
# 3: no mistakes that became warnings outside the exported schema (a small storage size or
# memory, a relative mount point, a registry_id that is not a UUID, a probe period of 0).
GEN_VERSION=3
if [[ ! -f $SET/.generated || $(cat "$SET/.generated") != "$GEN_VERSION $N" ]]; then
    echo "== generating $N payloads into $PAYLOADS"
    rm -rf "$PAYLOADS"
    mkdir -p "$PAYLOADS"
    python3 - "$N" "$PAYLOADS" "$SET/expected.tsv" <<'PY'
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


# Mistakes the exported schema expresses (keyword in the comment).
MISTAKES = [
    lambda d: d.__setitem__("cpu", str(d["cpu"])),                        # type
    lambda d: d.__setitem__("cpu", 5),                                    # minimum
    lambda d: d.pop("name"),                                              # required
    lambda d: d.pop("healthchecks"),                                      # required
    lambda d: d.__setitem__("name", "   "),                               # pattern (not blank)
    lambda d: d.__setitem__("image_name", d["image_name"] + ":1.27"),     # pattern
    lambda d: d.__setitem__("image_name", "Acme/API"),                    # pattern
    lambda d: d.__setitem__("tag", "-rc1"),                               # pattern
    lambda d: first_port(d).__setitem__("external_port", 70000),          # maximum
    lambda d: first_port(d).__setitem__("internal_port", 0),              # minimum
    lambda d: first_port(d).__setitem__("protocol", "QUIC"),              # enum
    lambda d: d.__setitem__("min_running_instances", -3),                 # minimum
    lambda d: d.__setitem__("auto_deploy", "yes"),                        # type
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
    echo "$GEN_VERSION $N" > "$SET/.generated"
fi
COUNT=$(find "$PAYLOADS" -maxdepth 1 -name '*.json' | wc -l)
BYTES=$(du -sb "$PAYLOADS" | cut -f1)
echo "== $COUNT payload files, $BYTES bytes"


# --- 2. the peers ----------------------------------------------------------------------------
if has_peer jsonschema-cli && [[ ! -x $JSCLI ]]; then
    echo "== installing jsonschema-cli${JSONSCHEMA_CLI_VERSION:+ $JSONSCHEMA_CLI_VERSION} into $TOOLS"
    cargo install --quiet --locked jsonschema-cli --root "$TOOLS" \
        ${JSONSCHEMA_CLI_VERSION:+--version "$JSONSCHEMA_CLI_VERSION"}
fi
if has_peer ajv && [[ ! -x $AJV ]]; then
    command -v npm > /dev/null || { echo "ajv needs npm (or leave ajv out of PEERS)" >&2; exit 1; }
    echo "== installing ajv-cli 5 and ajv-formats 3 into $TOOLS/npm"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" ajv-cli@5 ajv-formats@3
fi
if has_peer check-jsonschema && [[ ! -x $CJS ]]; then
    echo "== installing $SPEC $CJS_EXTRAS into $VENV"
    python3 -m venv "$VENV"
    # shellcheck disable=SC2086 # CJS_EXTRAS is a list of requirements
    "$VENV/bin/pip" install --quiet "$SPEC" $CJS_EXTRAS
fi
npm_version() { node -p "require('$TOOLS/npm/node_modules/$1/package.json').version"; }
VERSIONS="qovery-lint $(git rev-parse --short HEAD)"
if has_peer jsonschema-cli; then VERSIONS+=", $("$JSCLI" --version 2>&1 | head -n 1)"; fi
if has_peer ajv; then
    VERSIONS+=", ajv-cli $(npm_version ajv-cli) + ajv-formats $(npm_version ajv-formats)"
fi
if has_peer check-jsonschema; then
    VERSIONS+=", check-jsonschema $("$CJS" --version 2>&1 | tail -n 1 | awk '{print $NF}')"
    VERSIONS+="${CJS_EXTRAS:+ + $CJS_EXTRAS}"
fi

# --- 3. qovery-lint and the exported schema --------------------------------------------------
echo "== building qovery-lint (release) and exporting the schema"
cargo build --release --quiet --bin qovery-lint
"$LINT" schema --kind request > "$SCHEMA"

# The peers' commands, as benches/timer.py runs them in $PAYLOADS ({files}: the sorted *.json
# names). Each prints one verdict line per file, which step 4 reads.
JSCLI_CMD="'$JSCLI' validate '$SCHEMA' --assert-format --offline -i {files}"
# ajv takes one -d per file or a glob, which it expands itself.
AJV_CMD="'$AJV' validate -s '$SCHEMA' --spec=draft2020 -c ajv-formats --strict=false -d '*.json'"
CJS_CMD="'$CJS' --schemafile '$SCHEMA' -o json {files}"

# --- 4. verdicts -----------------------------------------------------------------------------
echo "== verdicts ($VERSIONS)"
"$LINT" check "$PAYLOADS" --format json > "$SET/qovery-lint.out" || true
for peer in $PEERS; do
    case $peer in
        jsonschema-cli) command=$JSCLI_CMD ;;
        ajv) command=$AJV_CMD ;;
        check-jsonschema) command=$CJS_CMD ;;
        *) echo "unknown peer $peer" >&2; exit 1 ;;
    esac
    python3 benches/timer.py --cwd "$PAYLOADS" --once "$SET/$peer.out" -c "$peer" 1 "$command"
done
python3 - "$SET" "$PEERS" <<'PY'
import json, os, re, sys

data, peers = sys.argv[1], sys.argv[2].split()
expected = dict(line.rstrip("\n").split("\t") for line in open(f"{data}/expected.tsv"))


def read(tool):
    text = open(f"{data}/{tool}.out", encoding="utf-8", errors="replace").read()
    if tool == "qovery-lint":
        return {os.path.basename(f["path"]): ("valid" if f["valid"] else "invalid")
                for f in json.loads(text)["files"]}
    if tool == "jsonschema-cli":  # "NAME - VALID" or "NAME - INVALID. Errors:" per file
        found = re.finditer(r"^(\S+\.json) - (VALID|INVALID)", text, re.M)
        return {m.group(1): m.group(2).lower() for m in found}
    if tool == "ajv":  # "NAME valid" or "NAME invalid" (then the errors) per file
        found = re.finditer(r"^(\S+\.json) (valid|invalid)$", text, re.M)
        return {m.group(1): m.group(2) for m in found}
    if tool == "check-jsonschema":  # one JSON report per batch, naming the failing files
        bad = set()
        for report in re.findall(r"^\{.*?^\}$", text, re.M | re.S):
            report = json.loads(report)
            for key in ("errors", "parse_errors"):
                bad |= {os.path.basename(e["filename"]) for e in report.get(key, [])}
        return {name: ("invalid" if name in bad else "valid") for name in expected}
    raise SystemExit(f"unknown tool {tool}")


invalid = sum(v == "invalid" for v in expected.values())
print(f"files: {len(expected)} ({len(expected) - invalid} valid, {invalid} invalid by construction)")
ours = read("qovery-lint")
failed = False
for tool in ["qovery-lint"] + peers:
    theirs = read(tool)
    line = f"{tool}: {sum(v == 'invalid' for v in theirs.values())} of {len(theirs)} invalid"
    for label, other in [("expected", expected), ("qovery-lint", ours)]:
        if label == tool:
            continue
        found = sorted(name for name in expected if theirs.get(name) != other.get(name))
        # The tools must agree; `expected` is the generator's intent, which a rule moved to a
        # warning (and out of the schema) no longer matches: reported, not fatal.
        failed |= bool(found) and label != "expected"
        line += f"; vs {label}: {len(found)} mismatch(es)" + (f", e.g. {found[:5]}" if found else "")
    print(line)
if failed:
    raise SystemExit("the tools' verdicts differ: see above")
PY

# --- 5. timing -------------------------------------------------------------------------------
echo "== timing: $COUNT files, $BYTES bytes, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
TIMED=(-c "cat (the I/O floor)" "$RUNS" "cat {files}"
    -c "qovery-lint check" "$RUNS" "'$LINT' check ."
    -c "qovery-lint check -j 1" "$RUNS" "'$LINT' check -j 1 ."
    -c "qovery-lint check --format json" "$RUNS" "'$LINT' check --format json .")
if has_peer jsonschema-cli; then TIMED+=(-c "jsonschema-cli" "$RUNS" "$JSCLI_CMD"); fi
if has_peer ajv; then TIMED+=(-c "ajv-cli + ajv-formats" "$SLOW_RUNS" "$AJV_CMD"); fi
if has_peer check-jsonschema; then TIMED+=(-c "check-jsonschema" "$SLOW_RUNS" "$CJS_CMD"); fi
python3 benches/timer.py --cwd "$PAYLOADS" "${TIMED[@]}" \
    --ratio "-j 1 / cat, wall (target <= 1.15)=qovery-lint check -j 1/cat (the I/O floor):wall" \
    --ratio "-j 1 / jsonschema-cli, CPU (target <= 1)=qovery-lint check -j 1/jsonschema-cli:cpu" \
    --ratio "jsonschema-cli / default jobs, wall (target >= 2)=jsonschema-cli/qovery-lint check:wall" \
    --ratio "ajv / default jobs, wall=ajv-cli + ajv-formats/qovery-lint check:wall" \
    --ratio "check-jsonschema / default jobs, wall=check-jsonschema/qovery-lint check:wall"

if [[ ${HYPERFINE:-0} == 1 ]]; then
    command -v hyperfine > /dev/null || { echo "HYPERFINE=1 needs hyperfine" >&2; exit 1; }
    echo "== hyperfine cross-check (shell glob; each command's runs in a row, not in turn)"
    cd "$PAYLOADS"
    HF=(-n "cat" "cat *.json" -n "qovery-lint check" "'$LINT' check ." -n "qovery-lint check -j 1" "'$LINT' check -j 1 .")
    if has_peer jsonschema-cli; then HF+=(-n "jsonschema-cli" "${JSCLI_CMD/\{files\}/*.json}"); fi
    hyperfine --ignore-failure --style basic --warmup 2 --runs "$RUNS" --output null "${HF[@]}"
fi

#!/bin/sh
# Builds the seed corpora of the fuzz targets from the shipped files (run from anywhere):
# rules and amendment overlays, statutes, example cases in TOML and the same cases as JSON.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus="$here/corpus"
mkdir -p "$corpus/rules" "$corpus/statutes" "$corpus/case_toml" "$corpus/case_json" "$corpus/batch" "$corpus/plan"
cp "$root"/rules/*.rules "$root"/rules/amendments/*.rules "$corpus/rules/"
cp "$root"/statutes/*.toml "$corpus/statutes/"
find "$root/examples" "$root/tests/fixtures/cases" -name '*.toml' | while read -r file; do
    cp "$file" "$corpus/case_toml/$(basename "$(dirname "$file")")-$(basename "$file")"
done
find "$root/tests/fixtures/cases" -name '*.json' -exec cp {} "$corpus/case_json/" \;
# JSON cases have the TOML shape, with dates as strings.
python3 - "$corpus/case_toml" "$corpus/case_json" <<'PY'
import json, pathlib, sys, tomllib
source, target = map(pathlib.Path, sys.argv[1:])
for path in sorted(source.glob("*.toml")):
    try:
        data = tomllib.loads(path.read_text())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        continue
    text = json.dumps(data, indent=2, default=str, ensure_ascii=False)
    (target / (path.stem + ".json")).write_text(text + "\n")
PY
# Batch input: a few generated JSON Lines files, some with bad lines.
for seed in 1 2 3; do
    python3 "$root/benches/gen-cases.py" 20 --seed "$seed" --bad 4 > "$corpus/batch/cases-$seed.jsonl"
done
# The plan against the full path: one generated line a seed, some of them bad.
python3 "$root/benches/gen-cases.py" 200 --seed 5 --bad 10 | split -l 1 - "$corpus/plan/line-"
# Overlays: the shipped ones and the broken ones of the tests; fmt: every rule file.
mkdir -p "$corpus/overlay" "$corpus/fmt" "$corpus/answers" "$corpus/law_dir"
cp "$root"/rules/amendments/*.rules "$corpus/overlay/"
find "$root/tests/fixtures/overlays" -name '*.rules' -exec cp {} "$corpus/overlay/" \;
cp "$root"/rules/*.rules "$root"/rules/amendments/*.rules "$corpus/fmt/"
find "$root/tests/fixtures/fmt" -name '*.rules' -exec cp {} "$corpus/fmt/" \;
# Interview answers: scripted answers of each kind, good and bad.
printf '2024-03-01\npunjab\n16\nfemale\nyes\nrecruit,transport\n?\nnone\n' > "$corpus/answers/typical"
printf "2018-06-01\nsindh\n?\n?\nno\nsell\ndon't know\nforce\n" > "$corpus/answers/unknowns"
printf '2024-02-30\n' > "$corpus/answers/bad-day"
printf '2024-01-01T10:00\nPunjab\n-1\n' > "$corpus/answers/bad-values"
# A law folder with one file replaced: a picking byte, then a shipped file's text.
i=0
for file in "$root"/statutes/*.toml "$root"/rules/*.rules; do
    { printf "\\$(printf '%03o' "$i")"; cat "$file"; } > "$corpus/law_dir/$(basename "$file")"
    i=$((i + 1))
done
for target in rules statutes case_toml case_json batch plan overlay fmt answers law_dir; do
    echo "$target: $(ls "$corpus/$target" | wc -l) seeds"
done

#!/usr/bin/env python3
"""sarif_check.py — test helper for sarif_format.sh (not part of sockleak).

  sarif_check.py validate SCHEMA LOG    exit 0 iff LOG is valid against SCHEMA
                                        (JSON Schema draft-04, as the SARIF
                                        2.1.0 schema declares), else print
                                        each error and exit 1
  sarif_check.py compare LOG REPORT     exit 0 iff the SARIF LOG says what the
                                        sockleak JSON REPORT of the same run
                                        says (rule, level, location, trace,
                                        fingerprint, fix, suppression), and
                                        the driver's rules are complete

Exit 2 when python3-jsonschema is not installed or a file is unreadable.
"""
import json
import sys
import urllib.parse

RULES = {  # id -> (default level, CWE tag that must be present)
    "resource-leak": ("warning", "CWE-775"),
    "shutdown-without-close": ("warning", "CWE-775"),
    "double-close": ("warning", "CWE-1341"),
    "use-after-close": ("warning", "CWE-672"),
    "use-before-check": ("note", "CWE-252"),
}


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"sarif_check: {path}: {e}", file=sys.stderr)
        sys.exit(2)


def validate(schema_path, log_path):
    try:
        import jsonschema
    except ImportError:
        print("sarif_check: python3-jsonschema is not installed", file=sys.stderr)
        sys.exit(2)
    schema = load(schema_path)
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.FormatChecker())
    errors = list(validator.iter_errors(load(log_path)))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path)
        print(f"{log_path}: /{path}: {e.message[:300]}", file=sys.stderr)
    return 1 if errors else 0


class Checker:
    def __init__(self):
        self.failures = 0

    def expect(self, cond, what):
        if not cond:
            print(f"sarif_check: {what}", file=sys.stderr)
            self.failures += 1


def check_rules(c, driver):
    rules = driver.get("rules", [])
    c.expect([r.get("id") for r in rules] == list(RULES), "rules[] ids/order")
    for r in rules:
        level, cwe = RULES.get(r.get("id"), ("?", "?"))
        c.expect(r.get("defaultConfiguration", {}).get("level") == level,
                 f"{r.get('id')}: default level")
        c.expect(cwe in r.get("properties", {}).get("tags", []),
                 f"{r.get('id')}: no {cwe} tag")
        for key in ("name", "shortDescription", "fullDescription", "help"):
            c.expect(key in r, f"{r.get('id')}: no {key}")
        md = r.get("help", {}).get("markdown", "")
        c.expect("```c" in md, f"{r.get('id')}: help.markdown has no C example")
    for key in ("name", "version", "semanticVersion", "informationUri"):
        c.expect(key in driver, f"driver: no {key}")
    return rules


def path_of(art):
    """The report's path for an artifactLocation: %SRCROOT%-relative URIs
    as they are, file:// URIs as absolute paths, both percent-decoded."""
    uri = art["uri"]
    if art.get("uriBaseId") == "%SRCROOT%":
        return urllib.parse.unquote(uri)
    assert uri.startswith("file:///"), uri
    return urllib.parse.unquote(uri[len("file://"):])


def region_of(loc):
    phys = loc["physicalLocation"]
    return (path_of(phys["artifactLocation"]), phys["region"]["startLine"],
            phys["region"]["startColumn"])


def where(x):
    return (x["file"], x["line"], x["column"])


def check_fix(c, res, f, tag):
    if "fix" not in f:
        c.expect("fixes" not in res, f"{tag}: fixes without a fix")
        return
    fix = res.get("fixes", [{}])[0]
    reps = [r for ch in fix.get("artifactChanges", []) for r in ch["replacements"]]
    c.expect(len(reps) == len(f["fix"]["edits"]), f"{tag}: replacements")
    for r, e in zip(reps, f["fix"]["edits"]):
        d = r["deletedRegion"]
        c.expect((d["startLine"], d["startColumn"], d["charOffset"]) ==
                 (e["line"], e["column"], e["offset"]), f"{tag}: edit position")
        c.expect(d["endLine"] == d["startLine"] and d["endColumn"] ==
                 d["startColumn"] and d["charLength"] == 0,
                 f"{tag}: the deleted region is not empty")
        c.expect(r["insertedContent"]["text"] == e["insert"], f"{tag}: insert")


def check_result(c, rules, res, f, tag):
    c.expect(res["ruleId"] == f["rule"], f"{tag}: ruleId")
    c.expect(rules[res["ruleIndex"]]["id"] == f["rule"], f"{tag}: ruleIndex")
    c.expect(res["level"] == f["level"], f"{tag}: level")
    c.expect(res["message"]["text"] == f["message"], f"{tag}: message")
    c.expect(len(res["locations"]) == 1, f"{tag}: one location")
    loc = res["locations"][0]
    c.expect(region_of(loc) == where(f), f"{tag}: primary location")
    c.expect((loc["physicalLocation"]["artifactLocation"].get("uriBaseId") ==
              "%SRCROOT%") != f["file"].startswith("/"), f"{tag}: uriBaseId")
    c.expect(region_of(res["relatedLocations"][0]) == where(f["acquired"]),
             f"{tag}: related location is not the acquisition")
    steps = res["codeFlows"][0]["threadFlows"][0]["locations"]
    c.expect([(region_of(s["location"]), s["location"]["message"]["text"])
              for s in steps] ==
             [(where(t), t["message"]) for t in f["trace"]], f"{tag}: trace")
    c.expect(res["partialFingerprints"]["sockleakFingerprint/v1"] ==
             f["fingerprint"], f"{tag}: fingerprint")
    supp = res.get("suppressions")
    c.expect((supp == [{"kind": "inSource"}]) if f["suppressed"] else supp is None,
             f"{tag}: suppressions")
    check_fix(c, res, f, tag)


def compare(log_path, report_path):
    log, report = load(log_path), load(report_path)
    c = Checker()
    c.expect(log.get("version") == "2.1.0", "version is not 2.1.0")
    run = log["runs"][0]
    rules = check_rules(c, run["tool"]["driver"])
    results, findings = run.get("results", []), report["findings"]
    c.expect(len(results) == len(findings),
             f"{len(results)} results for {len(findings)} findings")
    if c.failures == 0:
        for i, (res, f) in enumerate(zip(results, findings)):
            check_result(c, rules, res, f, f"result {i}")
    return 1 if c.failures else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "validate":
        return validate(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "compare":
        return compare(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

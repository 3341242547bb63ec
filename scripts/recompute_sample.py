# recompute_sample.py: python recompute_sample.py stikproeve.json (fra tilsyn sample --json)
import hashlib, json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
for home in data["care_homes"]:
    for kind, middle in (("residents", ""), ("relatives", "relative|")):
        d = home.get(kind)
        if d:
            key = lambda r: (hashlib.sha256(f"{d['seed']}|{data['programme_id']}|{middle}{r}".encode()).hexdigest(), r)
            drawn = [m["resident_id"] for m in d["members"]]
            ok = sorted(d["frame"], key=key)[:len(drawn)] == drawn
            print(home["care_home"], kind, "stemmer" if ok else "STEMMER IKKE")

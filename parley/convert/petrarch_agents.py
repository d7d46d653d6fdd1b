"""Read the Phoenix/PETRARCH-2 agents dictionary: sector words with CAMEO agent codes.

Format (PETRARCH's ``dictionaries.rst``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON        # a substitution set
    POLICE {} [~COP]                                  # {} : no plural
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]    # an irregular plural
    FARMER [~AGR]                                     # regular plural made: FARMERS
    CONGRESS!PERSON! [~LEG]                           # every member of the set, no plural
    HUMAN_RIGHTS_BODY [NGO~]                          # a code written before the actor's

Each phrase becomes rows of ``agents.tsv``: the phrase and its plural forms in lower case, the
code, whether it goes after (``~GOV``) or before (``NGO~``) the actor's code, and the parley
sector the code stands for.
"""

from __future__ import annotations

import re

_SUBST = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*$")


def regular_plural(word: str) -> str:
    """PETRARCH's plural rule on an upper- or lower-case phrase's last word: +S, Y -> IES
    (after a consonant), SS/SH/CH/X -> +ES."""
    low = word.lower()
    if low.endswith("y") and low[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if low.endswith(("ss", "sh", "ch", "x")):
        return word + ("ES" if word.isupper() else "es")
    return word + ("S" if word.isupper() else "s")


def read_agents(lines: list[str], label: str = "agents") -> tuple[list[dict], list[dict]]:
    """Read the agents dictionary.

    :param lines: the file's lines.
    :param label: the file's short name for reports.
    :returns: ``(agents, problems)``; an agent is ``{phrase, plurals, code, position, src}``
        with lower-case words separated by spaces; a problem ``{where, line, why}``.
    """
    subst: dict[str, list[str]] = {}
    agents: list[dict] = []
    problems: list[dict] = []
    for number, raw in enumerate(lines, 1):
        body = raw.split("#", 1)[0].strip()
        if not body or body.startswith("<!--"):
            continue
        where = f"{label}:{number}"
        found = _SUBST.match(body)
        if found:
            subst[found.group(1)] = [w.strip() for w in found.group(2).split(",") if w.strip()]
            continue
        found = _AGENT.match(body)
        if not found:
            problems.append({"where": where, "line": raw.strip()[:120], "why": "not PHRASE {plural} [code]"})
            continue
        code = found.group("code").strip()
        if re.fullmatch(r"~[A-Z]{3}(?:[A-Z]{3})*", code):
            position, code = "after", code[1:]
        elif re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*~", code):
            position, code = "before", code[:-1]
        else:
            problems.append({"where": where, "line": raw.strip()[:120], "why": f"bad agent code [{code}]"})
            continue
        phrase = found.group("phrase").strip()
        markers = re.findall(r"![A-Z]+!", phrase)
        if any(m not in subst for m in markers):
            problems.append({"where": where, "line": raw.strip()[:120], "why": "unknown substitution set"})
            continue
        if markers:
            forms = [phrase]
            for marker in markers:
                forms = [f.replace(marker, item) for f in forms for item in subst[marker]]
            variants = [(f, []) for f in forms]
        else:
            plural_text = found.group("plural")
            if plural_text is None:
                plurals = [_replace_last(phrase, regular_plural)]
            else:
                plurals = plural_text.split()
            variants = [(phrase, plurals)]
        for form, plurals in variants:
            words = _words(form)
            if not words or not all(_words(p) for p in plurals):
                problems.append({"where": where, "line": raw.strip()[:120], "why": "bad phrase"})
                break
            agents.append({"phrase": words, "plurals": [_words(p) for p in plurals if _words(p) != words],
                           "code": code, "position": position, "src": where})
    return agents, problems


def _replace_last(phrase: str, change) -> str:
    parts = re.split(r"([_ ])", phrase.rstrip("_ "))
    parts[-1] = change(parts[-1])
    return "".join(parts)


def _words(phrase: str) -> str:
    text = " ".join(phrase.replace("_", " ").lower().split())
    return text if re.fullmatch(r"[a-z0-9'.&/ -]+", text or "-") and any(c.isalpha() for c in text) else ""

"""The follow-up report links each recommendation to what it concerns (issue 17): the observations it addresses
(shortened, section, open or remedied as G501 says) and the gaps the check finds on the records those observations
are about, or on records that resolve them. On the hand-written repository tests/homecare/."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_process

HOMECARE = Path(__file__).parent / "homecare"
ROLE = "governance/solby/roles/kvalitetssamordnare.yaml"


def rows(root: Path, lang: str) -> list[str]:
    run = run_process("report", "follow-up", str(root), "--as-of", "2024-06-13", "--lang", lang)
    assert run.code == 0
    return [line for line in run.stdout.splitlines() if line.startswith("| `granskning-hemtjanst-2024-r")]


R1_EN = ("| `granskning-hemtjanst-2024-r1` | Fastställ mätbara mål för hemtjänsten och tillsätt tjänsten som "
         "kvalitetssamordnare. (section 4) | *No response* | Not followed up |  | • Det saknas mätbara mål för "
         "hemtjänsten. (section 3\\.1): open<br>• Tjänsten som kvalitetssamordnare har varit vakant sedan september "
         "2023. (section 3\\.4): {vacancy}<br>Gaps: {gaps} |")
R2_EN = ("| `granskning-hemtjanst-2024-r2` | Upprätta en skriftlig rutin för avvikelser och överenskommelser med de "
         "privata utförarna. (section 4) | *No response* | Not followed up |  | • Det finns inga överenskommelser med "
         "de privata utförarna. (section 3\\.2): open<br>• Det saknas en skriftlig rutin för hantering av avvikelser. "
         "(section 3\\.3): open<br>Gaps: none |")
VACANT_EN = "`G206` the post 'Kvalitetssamordnare' is vacant since 2023-09, as an open observation of the audit says"


def test_each_recommendation_shows_its_observations_and_the_gap_on_the_vacant_post():
    assert rows(HOMECARE, "en") == [R1_EN.format(vacancy="open", gaps=VACANT_EN), R2_EN]


def test_in_swedish():
    assert rows(HOMECARE, "sv") == [
        "| `granskning-hemtjanst-2024-r1` | Fastställ mätbara mål för hemtjänsten och tillsätt tjänsten som "
        "kvalitetssamordnare. (avsnitt 4) | *Inget svar* | Ej uppföljd |  | • Det saknas mätbara mål för hemtjänsten. "
        "(avsnitt 3\\.1): öppen<br>• Tjänsten som kvalitetssamordnare har varit vakant sedan september 2023. "
        "(avsnitt 3\\.4): öppen<br>Brister: `G206` tjänsten 'Kvalitetssamordnare' är vakant sedan 2023-09, som en "
        "öppen iakttagelse i granskningen anger |",
        "| `granskning-hemtjanst-2024-r2` | Upprätta en skriftlig rutin för avvikelser och överenskommelser med de "
        "privata utförarna. (avsnitt 4) | *Inget svar* | Ej uppföljd |  | • Det finns inga överenskommelser med de "
        "privata utförarna. (avsnitt 3\\.2): öppen<br>• Det saknas en skriftlig rutin för hantering av avvikelser. "
        "(avsnitt 3\\.3): öppen<br>Brister: inga |",
    ]


def test_appointing_a_holder_remedies_the_vacancy_and_its_gap_goes(tmp_path):
    root = tmp_path / "homecare"
    shutil.copytree(HOMECARE, root)
    role = root / ROLE
    role.write_text(role.read_text(encoding="utf-8") + (
        "holders:\n  - {name: Eva Ek, from: 2024-05-02, appointed_by: socialnamnden}\n"
        "resolves: [vakant-kvalitetssamordnare]\n"), encoding="utf-8")
    assert rows(root, "en") == [R1_EN.format(vacancy="remedied", gaps="none"), R2_EN]

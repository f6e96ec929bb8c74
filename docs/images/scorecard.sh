#!/usr/bin/env bash
# Regenerates docs/images/scorecard.png: the Teams card of the shipped strong rehearsal (profiles/rehearsals/
# backend-senior-strong.yaml) as the playground draws it in headless Chromium (see README.md, Prerequisites). It runs the
# page test that takes the picture and has it copy the picture here; the test also leaves it in its TestResults/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCREENINGBOT_SCORECARD_SCREENSHOT="$PWD/docs/images/scorecard.png" \
  dotnet test tests/ScreeningBot.Bot.Tests --filter "FullyQualifiedName~ScorecardPictureTests"
ls -l docs/images/scorecard.png

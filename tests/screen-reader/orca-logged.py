# Runs Orca 43 with its speech logged, not spoken: the debug file is opened line-buffered (Orca
# does not flush it, so a run cut short would lose its end), and the speech server's start-up is a
# no-op (a stale speech-dispatcher hangs the next Orca); the page is not read aloud on load. Orca still logs every utterance as
# "SPEECH OUTPUT: '…'" with no server. Usage: python3 orca-logged.py --debug-file FILE
import builtins
import runpy
import sys

debug_file = sys.argv[sys.argv.index('--debug-file') + 1]
_open = builtins.open


def line_buffered(file, mode='r', *args, **kwargs):
    if file == debug_file and 'w' in mode:
        return _open(file, mode, buffering=1, encoding='utf-8')
    return _open(file, mode, *args, **kwargs)


builtins.open = line_buffered
import orca.speech  # noqa: E402
import orca.settings_manager  # noqa: E402

orca.speech.init = lambda: None
# No say-all and no page summary when the page loads: the transcript starts at the first key.
_get = orca.settings_manager.SettingsManager.getSetting
QUIET = {'sayAllOnLoad': False, 'pageSummaryOnLoad': False}
orca.settings_manager.SettingsManager.getSetting = lambda self, name: QUIET[name] if name in QUIET else _get(self, name)
sys.argv = ['orca', '--debug', '--debug-file', debug_file, '--replace']
runpy.run_path('/usr/bin/orca', run_name='__main__')

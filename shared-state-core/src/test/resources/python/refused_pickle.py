"""Sends a pickle that would run a command if unpickled; prints what happened.

Argument 4 is the file the command would create."""
import os
import sys

from shared_typeids import connect


class RunsACommand:
    def __reduce__(self):
        return os.system, ('touch ' + sys.argv[4],)


manager = connect()
evil = manager.shared_dict('evil')
for label, call in (('setitem', lambda: evil.__setitem__('x', RunsACommand())),
                    ('create', lambda: manager.dict({'x': RunsACommand()}))):
    try:
        call()
        print('%s=accepted' % label)
    except Exception as error:
        print('%s=%s: %s' % (label, type(error).__name__, str(error).splitlines()[0]))
evil['y'] = 1
print('afterwards=%r' % (evil['y'],))

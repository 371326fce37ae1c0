"""Shares a dict, a list and a queue with a Java process by name."""
from shared_typeids import connect

manager = connect()
orders = manager.shared_dict('orders')
log = manager.shared_list('log')
tasks = manager.shared_queue('tasks')
print('java order=%r' % (orders['java-1'],))
orders['python-1'] = {'item': 'pen', 'qty': 3, 'tags': ('a', 'b'), 'price': 1.25, 'big': 2 ** 70,
                      'raw': b'\x00\x01', 'none': None, 'set': {1, 2}}
orders['nothing'] = None
print('nothing=%r' % (orders['nothing'],))
for label, call in (('java date', lambda: orders['java-date']),
                    ('bytearray', lambda: orders.__setitem__('bytes', bytearray(b'x')))):
    try:
        print('%s=%r' % (label, call()))
    except Exception as error:
        print('%s=%s: %s' % (label, type(error).__name__, str(error).splitlines()[0]))
log.append('from python')
print('log=%r' % (log[:],))
tasks.put(('python-task', 7))
print('task=%r' % (tasks.get(timeout=30),))

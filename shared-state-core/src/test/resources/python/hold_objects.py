"""Creates a dict with a list stored in it, waits for the shared event 'release-objects',
then drops its proxies. Prints the names the objects got."""
import gc

from shared_typeids import connect

manager = connect()
d = manager.dict({'k': 1})
inner = manager.list([1])
d['inner'] = inner
print('READY ident=%s' % d._token.id)
manager.shared_event('release-objects').wait(60)
del d, inner
gc.collect()
print('RELEASED')

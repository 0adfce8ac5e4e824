// Package kept holds one value a store read, with the key it was read at
// (a change token the database raises, and whatever else the value depends
// on), so the store reads it again only when the key moved: the client
// list's search keys, the studio's due-list inputs. Safe for concurrent
// use; the zero Value holds nothing.
package kept

import "sync"

// Value is one kept value of type T read at a key of type K.
type Value[K comparable, T any] struct {
	mu  sync.Mutex
	ok  bool
	key K
	v   T
}

// Get returns the value kept for key, or calls load, keeps what it
// returns (unless it fails) and returns that. Calls are serialised, so two
// callers never load at once.
func (c *Value[K, T]) Get(key K, load func() (T, error)) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && c.key == key {
		return c.v, nil
	}
	v, err := load()
	if err != nil {
		var zero T
		return zero, err
	}
	c.ok, c.key, c.v = true, key, v
	return v, nil
}

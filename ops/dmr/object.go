package dmr

import "slices"

// objectData holds the entries of an OBJECT in insertion order. Small
// objects, the common case in requests and responses, are searched in
// order; an index is built once an object grows past smallObject keys.
type objectData struct {
	keys  []string
	vals  []Value
	index map[string]int // position of each key; nil while the object is small
}

const smallObject = 8

func newObjectData() *objectData { return &objectData{} }

// find returns the position of key, or -1.
func (o *objectData) find(key string) int {
	if o.index != nil {
		if i, ok := o.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range o.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// set stores x under key: in place when the key exists, last otherwise.
func (o *objectData) set(key string, x Value) {
	if i := o.find(key); i >= 0 {
		o.vals[i] = x
		return
	}
	o.keys = append(o.keys, key)
	o.vals = append(o.vals, x)
	switch {
	case o.index != nil:
		o.index[key] = len(o.keys) - 1
	case len(o.keys) > smallObject:
		o.index = make(map[string]int, 2*len(o.keys))
		for i, k := range o.keys {
			o.index[k] = i
		}
	}
}

// remove deletes key and closes the gap; a missing key is no error.
func (o *objectData) remove(key string) {
	i := o.find(key)
	if i < 0 {
		return
	}
	o.keys = slices.Delete(o.keys, i, i+1)
	o.vals = slices.Delete(o.vals, i, i+1)
	if o.index != nil {
		delete(o.index, key)
		for j := i; j < len(o.keys); j++ {
			o.index[o.keys[j]] = j
		}
	}
}

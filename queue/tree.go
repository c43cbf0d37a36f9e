package queue

// tree is an order-statistic B+ tree of entry handles. Each item is a
// handle h with a 64-bit sort key k; items order by k, and items with equal
// keys by the tie function, which must order distinct handles strictly.
// Besides insert and delete it answers rank (how many items sort before a
// given one) and select (the item at an index) in O(log n), which is what
// queue positions need.
//
// Items live in the leaves; an inner node keeps, for each child but the
// first, a separator: an item of the child no greater than any other, so
// that it is a lower bound of the child's items and names a live handle
// (the tie function reads the entries behind handles). It also keeps the
// number of items below each child.
type tree struct {
	root *node
	tie  func(a, b uint32) int
}

// order is the most items in a leaf and the most children of an inner node.
const order = 64

// minFill is the fewest items or children a node other than the root keeps.
const minFill = order / 4

type node struct {
	n    int
	keys [order]uint64
	hs   [order]uint32
	aux  [order]uint32 // data carried with each item of a leaf
	in   *inner        // nil in a leaf
}

// inner holds what only inner nodes have: the children and the number of
// items below each.
type inner struct {
	kids   [order]*node
	counts [order]int
}

func (n *node) leaf() bool { return n.in == nil }

// size returns the number of items under n.
func (n *node) size() int {
	if n.leaf() {
		return n.n
	}
	s := 0
	for _, c := range n.in.counts[:n.n] {
		s += c
	}
	return s
}

// cmp orders the item (k, h) against item i of n.
func (t *tree) cmp(k uint64, h uint32, n *node, i int) int {
	switch {
	case k < n.keys[i]:
		return -1
	case k > n.keys[i]:
		return 1
	case h == n.hs[i]:
		return 0
	}
	return t.tie(h, n.hs[i])
}

// search returns the index of the first item of leaf n not below (k, h).
func (t *tree) search(n *node, k uint64, h uint32) int {
	lo, hi := 0, n.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if km := n.keys[m]; k > km || (k == km && t.cmp(k, h, n, m) > 0) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// child returns the index of the child of inner node n whose range holds
// (k, h): the last child whose lower bound is not above it.
func (t *tree) child(n *node, k uint64, h uint32) int {
	lo, hi := 1, n.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if km := n.keys[m]; k > km || (k == km && t.cmp(k, h, n, m) >= 0) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// Len returns the number of items.
func (t *tree) Len() int {
	if t.root == nil {
		return 0
	}
	return t.root.size()
}

// Insert adds the item (k, h), which must not be present, with its
// auxiliary data a, which Ascend passes back.
func (t *tree) Insert(k uint64, h, a uint32) {
	if t.root == nil {
		t.root = &node{}
	}
	right := t.insert(t.root, k, h, a)
	if right == nil {
		return
	}

	left := t.root
	root := &node{n: 2, in: &inner{}}
	root.in.kids[0], root.in.kids[1] = left, right
	root.in.counts[0], root.in.counts[1] = left.size(), right.size()
	root.keys[1], root.hs[1] = right.keys[0], right.hs[0]
	t.root = root
}

// insert adds (k, h) under n and returns the new right sibling if n split.
func (t *tree) insert(n *node, k uint64, h, a uint32) *node {
	if n.leaf() {
		i := t.search(n, k, h)
		return insertAt(n, i, k, h, a, nil, 0)
	}

	i := t.child(n, k, h)
	n.in.counts[i]++
	right := t.insert(n.in.kids[i], k, h, a)
	if right == nil {
		return nil
	}
	moved := right.size()
	n.in.counts[i] -= moved
	return insertAt(n, i+1, right.keys[0], right.hs[0], 0, right, moved)
}

// insertAt puts an item (and, in an inner node, a child with its count) at
// index i of n, splitting n when it is full. It returns the new right
// sibling, or nil. A split at the end keeps n full, so items added in order
// fill their nodes.
func insertAt(n *node, i int, k uint64, h, a uint32, kid *node, count int) *node {
	if n.n < order {
		shiftRight(n, i)
		set(n, i, k, h, a, kid, count)
		n.n++
		return nil
	}

	mid := order / 2
	if i == order {
		mid = order
	}
	right := &node{}
	if !n.leaf() {
		right.in = &inner{}
	}
	moveItems(right, 0, n, mid, n.n-mid)
	right.n, n.n = n.n-mid, mid
	clearKids(n, mid)
	if i <= mid && i < order {
		insertAt(n, i, k, h, a, kid, count)
	} else {
		insertAt(right, i-mid, k, h, a, kid, count)
	}
	return right
}

func set(n *node, i int, k uint64, h, a uint32, kid *node, count int) {
	n.keys[i], n.hs[i], n.aux[i] = k, h, a
	if kid != nil {
		n.in.kids[i], n.in.counts[i] = kid, count
	}
}

// shiftRight opens a gap at index i of n.
func shiftRight(n *node, i int) {
	copy(n.keys[i+1:n.n+1], n.keys[i:n.n])
	copy(n.hs[i+1:n.n+1], n.hs[i:n.n])
	copy(n.aux[i+1:n.n+1], n.aux[i:n.n])
	if !n.leaf() {
		copy(n.in.kids[i+1:n.n+1], n.in.kids[i:n.n])
		copy(n.in.counts[i+1:n.n+1], n.in.counts[i:n.n])
	}
}

// moveItems copies c items (and children) from src at j to dst at i.
func moveItems(dst *node, i int, src *node, j, c int) {
	copy(dst.keys[i:i+c], src.keys[j:j+c])
	copy(dst.hs[i:i+c], src.hs[j:j+c])
	copy(dst.aux[i:i+c], src.aux[j:j+c])
	if !src.leaf() {
		copy(dst.in.kids[i:i+c], src.in.kids[j:j+c])
		copy(dst.in.counts[i:i+c], src.in.counts[j:j+c])
	}
}

// clearKids drops the child pointers of n from index i on, so that nodes
// moved elsewhere are not kept alive twice.
func clearKids(n *node, i int) {
	if !n.leaf() {
		clear(n.in.kids[i:])
	}
}

// Delete removes the item (k, h) and reports whether it was present.
func (t *tree) Delete(k uint64, h uint32) bool {
	if t.root == nil || !t.delete(t.root, k, h) {
		return false
	}
	if !t.root.leaf() && t.root.n == 1 {
		t.root = t.root.in.kids[0]
	}
	return true
}

func (t *tree) delete(n *node, k uint64, h uint32) bool {
	if n.leaf() {
		i := t.search(n, k, h)
		if i == n.n || t.cmp(k, h, n, i) != 0 {
			return false
		}
		removeAt(n, i)
		return true
	}

	i := t.child(n, k, h)
	if !t.delete(n.in.kids[i], k, h) {
		return false
	}
	n.in.counts[i]--
	if n.in.kids[i].n < minFill {
		rebalance(n, i)
	}

	// A separator may name the item just deleted, whose handle the queue
	// frees and reuses: name the child's least item instead, so that every
	// separator names an item that is still there and ties compare right.
	for j := range n.n {
		if n.keys[j] == k && n.hs[j] == h && n.in.kids[j].n > 0 {
			n.keys[j], n.hs[j] = least(n.in.kids[j])
		}
	}
	return true
}

// least returns the least item under n.
func least(n *node) (uint64, uint32) {
	for !n.leaf() {
		n = n.in.kids[0]
	}
	return n.keys[0], n.hs[0]
}

// removeAt deletes item (and child) i of n.
func removeAt(n *node, i int) {
	moveItems(n, i, n, i+1, n.n-i-1)
	n.n--
	if !n.leaf() {
		n.in.kids[n.n] = nil
	}
}

// rebalance refills child i of inner node n, which has too few items, from
// a neighbour: by merging when both fit in one node, else by moving items
// across.
func rebalance(n *node, i int) {
	l := i
	if i == n.n-1 {
		l = i - 1
	}
	if l < 0 {
		return
	}
	left, right := n.in.kids[l], n.in.kids[l+1]

	if left.n+right.n <= order {
		moveItems(left, left.n, right, 0, right.n)
		left.n += right.n
		n.in.counts[l] += n.in.counts[l+1]
		removeAt(n, l+1)
		return
	}

	// Even the two out.
	if left.n > right.n {
		c := (left.n - right.n) / 2
		shiftRightBy(right, c)
		moveItems(right, 0, left, left.n-c, c)
		left.n -= c
		right.n += c
		clearKids(left, left.n)
	} else {
		c := (right.n - left.n) / 2
		moveItems(left, left.n, right, 0, c)
		left.n += c
		moveItems(right, 0, right, c, right.n-c)
		right.n -= c
		clearKids(right, right.n)
	}
	n.in.counts[l], n.in.counts[l+1] = left.size(), right.size()
	n.keys[l+1], n.hs[l+1] = right.keys[0], right.hs[0]
}

// shiftRightBy opens c places at the front of n.
func shiftRightBy(n *node, c int) {
	copy(n.keys[c:n.n+c], n.keys[:n.n])
	copy(n.hs[c:n.n+c], n.hs[:n.n])
	copy(n.aux[c:n.n+c], n.aux[:n.n])
	if !n.leaf() {
		copy(n.in.kids[c:n.n+c], n.in.kids[:n.n])
		copy(n.in.counts[c:n.n+c], n.in.counts[:n.n])
	}
}

// Rank returns the number of items that sort before (k, h), which need not
// be present.
func (t *tree) Rank(k uint64, h uint32) int {
	r := 0
	for n := t.root; n != nil; {
		if n.leaf() {
			return r + t.search(n, k, h)
		}
		i := t.child(n, k, h)
		for j := range i {
			r += n.in.counts[j]
		}
		n = n.in.kids[i]
	}
	return r
}

// Ascend calls fn with each item, and its auxiliary data, from index from
// on, in order, until fn returns false.
func (t *tree) Ascend(from int, fn func(k uint64, h, a uint32) bool) {
	if t.root == nil || from < 0 {
		return
	}
	t.ascend(t.root, from, fn)
}

func (t *tree) ascend(n *node, from int, fn func(uint64, uint32, uint32) bool) bool {
	if n.leaf() {
		for i := from; i < n.n; i++ {
			if !fn(n.keys[i], n.hs[i], n.aux[i]) {
				return false
			}
		}
		return true
	}

	i := 0
	for i < n.n && from >= n.in.counts[i] {
		from -= n.in.counts[i]
		i++
	}
	for ; i < n.n; i++ {
		if !t.ascend(n.in.kids[i], from, fn) {
			return false
		}
		from = 0
	}
	return true
}

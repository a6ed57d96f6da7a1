/**
 * The Redis scripts behind PassiveReplySlots. Every decision between a passive answer and a late
 * one (`response_url`) is taken inside one script, so a message and its callback never both, and
 * never neither, carry it.
 *
 * Keys, all under the deployment's hash-tagged prefix (one cluster slot):
 * - a slot per chat (or person) and callback message id: `open:<waiter>` while a callback waits, `fill:<waiter>\n<reply>`
 *   once a message arrived for it, `late:<response_url>` once it answered without one, `pass`
 *   (no response_url: its message takes the ordinary path), `done` once its message went;
 * - a queue per chat (or person): the message ids still owed a message, in arrival order, which
 *   orders the replies;
 * - one sorted set of every owed message id by arrival time: the backlog.
 */

/**
 * KEYS: slot, queue, owed. ARGV: waiter, now, ttl, maxOwed, mayWait (1/0), waitBacklog,
 * response_url, message id, slot key prefix.
 * → `wait` (new, wait for the message), `takeover` (a redelivery takes over a waiting slot),
 *   `late` (new, answer now),
 *   `answered` (seen before and no longer waiting), `full` (backlog at its bound; nothing kept).
 */
export const OPEN = `local v = redis.call('GET', KEYS[1])
if v then
  if string.sub(v, 1, 5) == 'open:' then
    redis.call('SET', KEYS[1], 'open:' .. ARGV[1], 'KEEPTTL')
    return 'takeover'
  end
  return 'answered'
end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]))
local owed = redis.call('ZCARD', KEYS[3])
if owed >= tonumber(ARGV[4]) then return 'full' end
local wait = ARGV[5] == '1' and owed < tonumber(ARGV[6])
if wait then
  -- Passive only behind callbacks that wait too: a late one ahead must reach the chat first.
  local ahead = redis.call('LRANGE', KEYS[2], 0, 8)
  if #ahead > 8 then wait = false end
  for _, id in ipairs(ahead) do
    local s = redis.call('GET', ARGV[9] .. id)
    if s and string.sub(s, 1, 5) ~= 'open:' then wait = false end
  end
end
redis.call('RPUSH', KEYS[2], ARGV[8])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[8])
if wait then
  redis.call('SET', KEYS[1], 'open:' .. ARGV[1], 'PX', ARGV[3])
  return 'wait'
end
if ARGV[7] ~= '' then redis.call('SET', KEYS[1], 'late:' .. ARGV[7], 'PX', ARGV[3])
else redis.call('SET', KEYS[1], 'pass', 'PX', ARGV[3]) end
return 'late'`;

/**
 * The callback's event will not run (PostgreSQL refused it, or it ran long ago): forget its slot
 * unless another delivery took it over. A message already given to it is handed back.
 * KEYS: slot, queue, owed. ARGV: its value as opened, waiter's fill prefix, message id.
 */
export const WITHDRAW = `local v = redis.call('GET', KEYS[1])
if not v then return false end
if v == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('LREM', KEYS[2], 1, ARGV[3])
  redis.call('ZREM', KEYS[3], ARGV[3])
  return false
end
if string.sub(v, 1, string.len(ARGV[2])) == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return v
end
return false`;

/**
 * At the deadline: take a message that just arrived, or leave the response_url for a late one.
 * KEYS: slot. ARGV: `open:<waiter>`, response_url, fill prefix, done ttl.
 */
export const CLOSE = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then
  if ARGV[2] ~= '' then redis.call('SET', KEYS[1], 'late:' .. ARGV[2], 'KEEPTTL')
  else redis.call('SET', KEYS[1], 'pass', 'KEEPTTL') end
  return false
end
if v and string.sub(v, 1, string.len(ARGV[3])) == ARGV[3] then
  redis.call('SET', KEYS[1], 'done', 'PX', ARGV[4])
  return v
end
return false`;

/**
 * A message for the callback it answers (found by message id; the candidates are the prefixes of
 * its dedupe key, longest last), once every callback ahead of it in its chat has had its own, so
 * the chat sees the replies in the order it asked. The response_url given to a delivery is
 * remembered under its idempotency key, so a retried send (the POST failed) uses it again.
 * KEYS: queue, owed, assigned. ARGV: reply plaintext, slot key prefix, done ttl, assigned ttl,
 * has an idempotency key (1/0), force past callbacks ahead (1/0), candidate message ids….
 * → `fill` (passive), `late:<url>`, `behind` (callbacks ahead still owed), or false (the
 *   ordinary path: no callback waits for it, or its callback has had a message already).
 */
export const OFFER = `if ARGV[5] == '1' then
  local a = redis.call('GET', KEYS[3])
  if a then return a end
end
local id, key, v
for i = #ARGV, 7, -1 do
  local s = redis.call('GET', ARGV[2] .. ARGV[i])
  if s then id = ARGV[i] key = ARGV[2] .. ARGV[i] v = s break end
end
if not id then return false end
local kind = string.sub(v, 1, 5)
if kind ~= 'open:' and kind ~= 'late:' and v ~= 'pass' then return false end
local pos = redis.call('LPOS', KEYS[1], id)
if pos and pos > 0 then
  if ARGV[6] ~= '1' then
    for _, ahead in ipairs(redis.call('LRANGE', KEYS[1], 0, pos - 1)) do
      if redis.call('EXISTS', ARGV[2] .. ahead) == 1 then return 'behind' end
    end
  end
  -- Expired, or forced past: they hold no one back any more (their own replies still find them).
  redis.call('LTRIM', KEYS[1], pos, -1)
end
if pos then redis.call('LPOP', KEYS[1]) end
redis.call('ZREM', KEYS[2], id)
if kind == 'open:' then
  redis.call('SET', key, 'fill:' .. string.sub(v, 6) .. '\\n' .. ARGV[1], 'KEEPTTL')
  return 'fill'
end
redis.call('SET', key, 'done', 'PX', ARGV[3])
if kind == 'late:' then
  if ARGV[5] == '1' then redis.call('SET', KEYS[3], v, 'PX', ARGV[4]) end
  return v
end
return false`;

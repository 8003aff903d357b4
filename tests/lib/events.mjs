// Reads a stream of Server-Sent Events (a fetch Response of `text/event-stream`): next() gives
// the data (parsed) of the next event named `name`, or throws after `ms`; cancel() closes it.
// Used by every test of a watched page (the floor, the room's screen).
export function events(res, name) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const named = new RegExp(`^event: ${name}$`, 'm');
  let buffer = '';
  return {
    async next(ms = 2000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data && named.test(block)) return JSON.parse(data.slice(6));
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event within ' + ms + ' ms');
        let timer;
        const chunk = await Promise.race([reader.read(), new Promise((_, fail) => {
          timer = setTimeout(() => fail(new Error('no event within ' + ms + ' ms')), left);
        })]).finally(() => clearTimeout(timer));
        if (chunk.done) throw new Error('the stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel() { return reader.cancel(); },
  };
}

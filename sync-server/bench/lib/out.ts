/** Console output for the benches (the lint rules keep console.log out of server code). */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

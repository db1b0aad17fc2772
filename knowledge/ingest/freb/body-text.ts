// Turns a response entity (an IIS error page or an ASP.NET yellow screen) into short plain text, and picks out the
// exception type and the SQL "Login failed for user" name that point at a double hop.

/** Plain text of an HTML page: styles, scripts (also unterminated ones, FREB cuts long buffers) and tags removed, entities of the page decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Exception type named by a YSOD ("Exception Details: System.Data.SqlClient.SqlException: ..."). */
export function exceptionType(text: string): string | null {
  const details = /Exception Details:\s*([A-Za-z_][\w.]*Exception)\b/.exec(text);
  if (details) return details[1];
  const any = /\b((?:System|Microsoft)(?:\.[A-Za-z_]\w*)*\.[A-Za-z_]\w*Exception)\b/.exec(text);
  return any ? any[1] : null;
}

/** The user in "Login failed for user '...'" (SQL Server error 18456), or null. */
export function sqlLoginFailedUser(text: string): string | null {
  const m = /Login failed for user '([^']{0,200})'/i.exec(text);
  return m ? m[1] : null;
}

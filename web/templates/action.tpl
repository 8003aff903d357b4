{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/actions">{{t_actions_title}}</a></p>
<h1>{{t_actions_number}} {{NUMBER}} — <a href="{{P}}/meetings/{{MID}}">{{MLABEL}}</a></h1>
<p{{#TEXT_FALLBACK}} lang="{{TEXT_LANG}}"{{/TEXT_FALLBACK}} dir="auto">{{TEXT}}</p>
{{#TEXT_FALLBACK}}<p class="note">{{TEXT_NOTE}}</p>{{/TEXT_FALLBACK}}
<dl class="facts">
<dt>{{t_actions_owner}}</dt><dd>{{OWNER}}</dd>
<dt>{{t_actions_kind}}</dt><dd>{{KIND_LABEL}}</dd>
{{#HAS_ITEM}}<dt>{{t_proc_record}}</dt><dd><a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a></dd>{{/HAS_ITEM}}
<dt>{{t_actions_due}}</dt><dd>{{DUE}}</dd>
<dt>{{t_actions_status}}</dt><dd class="status-{{STATUS}}">{{STATUS_LABEL}}</dd>
</dl>
<h2>{{t_actions_history}}</h2>
<ol class="history">{{#EVENTS}}<li><strong>{{STATUS_LABEL}}</strong> <span class="meta">{{WHEN}}</span>{{#MEETING}} · <a href="{{P}}/meetings/{{EMID}}">{{ELABEL}}</a>{{/MEETING}}{{#DOCUMENT}} · <a href="{{P}}/documents/{{DID}}"><bdi>{{SYMBOL}}</bdi></a>{{/DOCUMENT}}{{#NOTE}}<p lang="{{NLANG}}" dir="auto">{{NOTE_HTML:none}}</p>{{/NOTE}}</li>{{/EVENTS}}</ol>

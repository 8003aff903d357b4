{{%AUTOESCAPE context="HTML"}}
<h1>{{t_account_title}}</h1>
{{>FORM_ERRORS}}
<p>{{NAME}} <span class="meta">{{EMAIL}}</span></p>
<h2>{{t_account_follows}}</h2>
<p>{{t_account_digest_note}}</p>
{{#NO_FOLLOWS}}<p>{{t_account_none}}</p>{{/NO_FOLLOWS}}
{{#HAS_FOLLOWS}}<ul class="follows">{{#FOLLOWS}}<li><span class="meta">{{KIND_LABEL}}</span> <a href="{{P}}{{PATH}}"{{#LABEL_FALLBACK}} lang="{{LABEL_LANG}}"{{/LABEL_FALLBACK}} dir="{{LABEL_DIR}}">{{LABEL_HTML:none}}</a> <span class="meta">{{t_account_since}} {{SINCE_HTML:none}}</span>
<form method="post" action="{{P}}/unfollow" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="{{KIND}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="from" value="account"><button type="submit" id="unfollow-{{KIND}}-{{ID}}" aria-label="{{UNFOLLOW_LABEL}}"{{#ROW_ERROR}} aria-describedby="unfollow-{{KIND}}-{{ID}}-error"{{/ROW_ERROR}}>{{t_unfollow_button}}</button>{{#ROW_ERROR}}<p class="field-error" id="unfollow-{{KIND}}-{{ID}}-error">{{MSG}}</p>{{/ROW_ERROR}}</form></li>{{/FOLLOWS}}</ul>{{/HAS_FOLLOWS}}
<h2>{{t_field_password}}</h2>
<p><a href="{{P}}/password/forgot">{{t_account_change_password}}</a></p>
<h2>{{t_account_sessions}}</h2>
<p id="everywhere-note">{{t_account_sessions_note}}</p>
<form method="post" action="{{P}}/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="everywhere" value="true"><button type="submit" aria-describedby="everywhere-note">{{t_account_logout_everywhere}}</button></form>

{{%AUTOESCAPE context="HTML"}}
<h1>{{t_account_title}}</h1>
<p>{{NAME}} <span class="meta">{{EMAIL}}</span></p>
<h2>{{t_account_follows}}</h2>
<p>{{t_account_digest_note}}</p>
{{#NO_FOLLOWS}}<p>{{t_account_none}}</p>{{/NO_FOLLOWS}}
{{#HAS_FOLLOWS}}<ul class="follows">{{#FOLLOWS}}<li><span class="meta">{{KIND_LABEL}}</span> <a href="{{P}}{{PATH}}">{{LABEL}}</a> <span class="meta">{{t_account_since}} {{SINCE}}</span>
<form method="post" action="{{P}}/unfollow" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="{{KIND}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="from" value="account"><button type="submit" aria-label="{{UNFOLLOW_LABEL}}">{{t_unfollow_button}}</button></form></li>{{/FOLLOWS}}</ul>{{/HAS_FOLLOWS}}
<h2>{{t_field_password}}</h2>
<p><a href="{{P}}/password/forgot">{{t_account_change_password}}</a></p>

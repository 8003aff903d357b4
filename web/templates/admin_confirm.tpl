{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/admin/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{HEADING}}</h1>
<p id="confirm-what">{{WHAT_HTML:none}}</p>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/{{ACTION}}" class="stack confirm">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="confirm" value="yes">
{{#REOPEN}}<dl class="facts"><dt>{{t_new_deadline}}</dt><dd>{{DEADLINE_TEXT_HTML:none}}</dd><dt>{{t_lifecycle_reopen_reason}}</dt><dd dir="auto">{{REASON}}</dd></dl>
<input type="hidden" name="deadline" value="{{DEADLINE}}"><input type="hidden" name="reason" value="{{REASON}}">{{/REOPEN}}
<p class="actions"><button type="submit" aria-describedby="confirm-what">{{CONFIRM_LABEL}}</button> <a href="{{P}}/admin/consultations/{{ID}}">{{t_confirm_cancel}}</a></p>
</form>

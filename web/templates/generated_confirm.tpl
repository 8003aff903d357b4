{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}{{PAGE}}">{{LABEL}}</a></p>
<h1>{{HEADING}}</h1>
<p id="confirm-what">{{WHAT_HTML:none}}</p>
<form method="post" action="{{ACTION}}" class="stack confirm">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="confirm" value="yes">
{{#ISSUE}}<dl class="facts"><dt>{{t_doc_issue_symbol}}</dt><dd><bdi class="sym">{{SYMBOL}}</bdi></dd><dt>{{t_doc_issue_date}}</dt><dd>{{DATE}}</dd></dl>
<input type="hidden" name="symbol" value="{{SYMBOL}}"><input type="hidden" name="date" value="{{DATE}}">{{/ISSUE}}
<p class="actions"><button type="submit" aria-describedby="confirm-what">{{CONFIRM_LABEL}}</button> <a href="{{P}}{{PAGE}}">{{t_confirm_cancel}}</a></p>
</form>

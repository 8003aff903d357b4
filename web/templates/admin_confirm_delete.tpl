{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p id="confirm-what">{{WHAT_HTML:none}}</p>
<blockquote{{#QUOTE_FALLBACK}} lang="{{QUOTE_LANG}}"{{/QUOTE_FALLBACK}} dir="{{QUOTE_DIR}}">{{QUOTE_HTML:none}}</blockquote>
<form method="post" action="{{P}}{{ACTION}}" class="stack confirm">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="confirm" value="yes">{{#KEEP_PAGE}}<input type="hidden" name="page" value="{{PAGE_NO}}">{{/KEEP_PAGE}}{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}
<p class="actions"><button type="submit" aria-describedby="confirm-what">{{CONFIRM_LABEL}}</button> <a href="{{P}}{{BACK}}">{{t_confirm_cancel}}</a></p>
</form>

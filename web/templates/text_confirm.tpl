{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/texts/{{ID}}"><bdi>{{DOCUMENT}}</bdi></a></p>
<h1>{{HEADING}}</h1>
<p id="confirm-what">{{WHAT}}</p>
{{#QUOTE}}{{#NAMED}}<p class="note">{{QNAME}}{{t_punct_colon}}</p>{{/NAMED}}<blockquote class="draft" lang="{{QLANG}}" dir="{{QDIR}}"><p>{{WORDS}}</p></blockquote>{{/QUOTE}}
<form method="post" action="{{P}}{{ACTION}}" class="stack confirm">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="confirm" value="yes">
{{#HIDDEN}}<input type="hidden" name="{{K}}" value="{{V}}">{{/HIDDEN}}
<p class="actions"><button type="submit" aria-describedby="confirm-what">{{CONFIRM_LABEL}}</button> <a href="{{P}}/texts/{{ID}}#p{{PID}}">{{t_confirm_cancel}}</a></p>
</form>
